/**
 * Schedule › Calendar in a real browser against the real stack: a therapist enrolled in the
 * program opens a weekly block to external appointments and sees it on the calendar; an
 * overlapping block is refused by the database with its message; a therapist who is not enrolled
 * has no Accept External Appointments toggle. Axe checks each state.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut } from './support/app.ts';

const hannah = 'hannah.whitaker@harborviewcounseling.com';
const clinicZone = 'America/New_York';

// the viewer is in Boston, like the clinic: the calendar's times and the form's agree
test.use({ timezoneId: clinicZone });
// a week of react-big-calendar is a large page: each axe pass over it takes a while
test.describe.configure({ timeout: 180_000 });

/** `YYYY-MM-DD` of the Friday in the week after this one (weeks start on Sunday), in the clinic's zone. */
function fridayOfNextWeek(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: clinicZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - date.getUTCDay() + 7 + 5);
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of the Saturday in the week after this one. */
function saturdayOfNextWeek(now = new Date()): string {
  const friday = new Date(`${fridayOfNextWeek(now)}T12:00:00Z`);
  friday.setUTCDate(friday.getUTCDate() + 1);
  return friday.toISOString().slice(0, 10);
}

async function openCalendar(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByText('Times in Eastern Time (America/New_York).')).toBeVisible();
  await expect(page.getByText('Loading the calendar…')).toHaveCount(0);
}

test('a therapist opens a weekly block to external appointments; an overlapping one is refused', async ({
  page,
}) => {
  await signIn(page, demo.therapist);
  await openCalendar(page);
  const calendar = page.getByRole('region', { name: 'Priya Raman’s calendar' });
  await expect(page.getByRole('heading', { level: 2, name: 'My calendar' })).toBeVisible();
  // the seed's Mon/Wed/Thu mornings and Tuesday afternoon, open to external appointments
  await calendar.getByRole('button', { name: 'Next week' }).click();
  await expect(
    calendar.getByRole('button', { name: /Available \(accepts external\) · Back Bay Office/ }),
  ).toHaveCount(4);
  await expect(calendar.getByRole('button', { name: /^.*Friday, .*Available/ })).toHaveCount(0);
  await expectAccessible(page);

  // New availability block: every Friday, 09:00–12:00 at Back Bay, Accept External Appointments = Yes
  await page.getByRole('button', { name: 'New availability block' }).click();
  const form = page.getByRole('dialog', { name: 'New availability block' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Location')).toHaveValue(/.+/);
  await expect(form.getByRole('combobox', { name: 'Location' })).toContainText('Back Bay Office');
  await expect(form.getByText('Times are in Eastern Time, the Back Bay Office’s time zone.')).toBeVisible();
  await form.getByRole('radio', { name: 'Every week' }).check();
  await form.getByRole('checkbox', { name: 'Friday' }).check();
  await form.getByLabel('Start time').fill('09:00');
  await form.getByLabel('End time').fill('12:00');
  const toggle = form.getByRole('group', { name: 'Accept External Appointments' });
  await expect(toggle.getByRole('radio', { name: 'No' })).toBeChecked();
  await toggle.getByRole('radio', { name: 'Yes' }).check();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save block' }).click();

  await expect(form).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'The availability block was added.' }),
  ).toBeVisible();
  const friday = calendar.getByRole('button', {
    name: /Friday, .*: Available \(accepts external\) · Back Bay Office/,
  });
  await expect(friday).toHaveCount(1);
  await expect(friday).toContainText('9:00 AM – 12:00 PM');
  await expectAccessible(page);

  // the block opens for editing, as saved
  await friday.click();
  const edit = page.getByRole('dialog', { name: 'Edit availability block' });
  await expect(edit.getByRole('checkbox', { name: 'Friday' })).toBeChecked();
  await expect(
    edit.getByRole('group', { name: 'Accept External Appointments' }).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();

  // a one-off block on that Friday, 11:00–13:00, overlaps it: the database refuses it
  await page.getByRole('button', { name: 'New availability block' }).click();
  await form.getByRole('radio', { name: 'One time' }).check();
  await form.getByLabel('Date').fill(fridayOfNextWeek());
  await form.getByLabel('Start time').fill('11:00');
  await form.getByLabel('End time').fill('13:00');
  await form.getByRole('button', { name: 'Save block' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'This block overlaps another availability block of the same therapist (09:00–12:00).',
  );
  await expect(form).toBeVisible();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(calendar.getByRole('button', { name: /Friday, .*: Available/ })).toHaveCount(1);
  await signOut(page);
});

test('a therapist selects a range on the calendar to open a block there', async ({ page }) => {
  await signIn(page, demo.therapist);
  await openCalendar(page);
  const calendar = page.getByRole('region', { name: 'Priya Raman’s calendar' });
  await calendar.getByRole('button', { name: 'Next week' }).click();
  // drag down Saturday's column from 2:00 PM to 4:00 PM (a gesture: the hours are drawn, not elements to find)
  const saturday = calendar.getByRole('group', { name: /^Saturday, / });
  await calendar.locator('.time-grid-hour', { hasText: /^4:00\sPM$/ }).scrollIntoViewIfNeeded();
  const column = (await saturday.boundingBox())!;
  const hourY = (hour: number) => column.y + (column.height * hour) / 24;
  const x = column.x + column.width / 2;
  await page.mouse.move(x, hourY(14) + 2);
  await page.mouse.down();
  await page.mouse.move(x, hourY(15), { steps: 5 });
  await page.mouse.move(x, hourY(16) - 2, { steps: 5 });
  await page.mouse.up();

  const form = page.getByRole('dialog', { name: 'New availability block' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('radio', { name: 'One time' })).toBeChecked();
  await expect(form.getByLabel('Date')).toHaveValue(saturdayOfNextWeek());
  await expect(form.getByLabel('Start time')).toHaveValue('14:00');
  await expect(form.getByLabel('End time')).toHaveValue('16:00');
  // the same moment on a Denver wall clock, once the location is Denver's
  await form.getByRole('combobox', { name: 'Location' }).selectOption({ label: 'Denver Highlands Office' });
  await expect(
    form.getByText('Times are in Mountain Time, the Denver Highlands Office’s time zone.'),
  ).toBeVisible();
  await expect(form.getByLabel('Start time')).toHaveValue('12:00');
  await expect(form.getByLabel('End time')).toHaveValue('14:00');
  await form.getByRole('button', { name: 'Save block' }).click();
  await expect(form).toBeHidden();
  await expect(
    calendar.getByRole('button', {
      name: /Saturday, .*: Available \(internal only\) · Denver Highlands Office/,
    }),
  ).toContainText('2:00 PM – 4:00 PM');
  await signOut(page);
});

test('a therapist who is not enrolled in the program has no Accept External Appointments toggle', async ({
  page,
}) => {
  await signIn(page, hannah);
  await openCalendar(page);
  await expect(page.getByRole('region', { name: 'Hannah Whitaker’s calendar' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'New availability block' }).click();
  const form = page.getByRole('dialog', { name: 'New availability block' });
  await expect(form.getByRole('combobox', { name: 'Location' })).toBeVisible();
  await expect(form.getByLabel('Start time')).toBeVisible();
  await expect(form.getByRole('group', { name: 'Accept External Appointments' })).toHaveCount(0);
  await expect(form.getByText('Accept External Appointments')).toHaveCount(0);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await signOut(page);
});

test('a scheduler chooses a therapist and views the calendar, with no form', async ({ page }) => {
  await signIn(page, demo.scheduler);
  await openCalendar(page);
  await page.getByRole('combobox', { name: 'Therapist' }).selectOption({ label: 'Sofia Marquez' });
  const calendar = page.getByRole('region', { name: 'Sofia Marquez’s calendar' });
  await calendar.getByRole('button', { name: 'Next week' }).click();
  // Sofia's Tuesday and Thursday blocks in Denver, 09:00–15:00 there: 11:00 AM – 5:00 PM in Boston
  const blocks = calendar.getByRole('button', {
    name: /Available \(accepts external\) · Denver Highlands Office/,
  });
  await expect(blocks).toHaveCount(2);
  await expect(blocks.first()).toContainText('11:00 AM – 5:00 PM');
  await expect(page.getByRole('button', { name: 'New availability block' })).toHaveCount(0);
  await expectAccessible(page);

  await blocks.first().click();
  const details = page.getByRole('dialog', { name: 'Available (accepts external)' });
  await expect(details).toContainText('Every Tue, Thu, 09:00–15:00');
  await expect(details).toContainText('Mountain Time');
  await expect(details.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
  await details.getByRole('button', { name: 'Close' }).click();

  // from the keyboard: the hours are a tab stop, and Tab goes on to the week's events in order
  const hours = calendar.getByRole('group', { name: 'Hours of the day' });
  await hours.focus();
  await page.keyboard.press('Tab');
  await expect(blocks.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(blocks.last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Available (accepts external)' })).toContainText(
    'Every Tue, Thu, 09:00–15:00',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await signOut(page);
});
