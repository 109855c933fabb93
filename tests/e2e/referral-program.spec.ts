/**
 * Issue 3's journey in a real browser against the real stack: an org admin runs the Client
 * Referral Program grid — adds a therapist with the keyboard alone, filters the grid, edits
 * payers, finds no Delete for a Completed application, deactivates (permanently) — and the added
 * therapist's invitation arrives in the dev inbox with a link and no payer names.
 *
 * The journeys share the demo clinic with the other specs (which may have enrolled Marcus or
 * submitted Sofia's profile first), so they assert on the rows they own, not on the whole list.
 * Daniel Cho is this spec's therapist; Hannah Whitaker is left unenrolled for the schedule spec.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn } from './support/app.ts';

test.describe.configure({ mode: 'serial' });

const daniel = 'daniel.cho@harborviewcounseling.com';

/** Presses Tab until `target` has the focus (as a keyboard user would), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 15): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function openProgramTab(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Manage Subscription' })
    .click();
  await page
    .getByRole('navigation', { name: 'Subscription sections' })
    .getByRole('link', { name: 'Client Referral Program' })
    .click();
  const table = page.getByRole('table', { name: 'Enrolled staff of Harborview Counseling Collective' });
  await expect(table).toBeVisible();
  return table;
}

const staffNames = (table: Locator) => table.getByRole('rowheader');

test('an org admin adds a therapist with the keyboard alone, and the therapist is emailed', async ({
  page,
}) => {
  await signIn(page, demo.orgAdmin);
  const table = await openProgramTab(page);
  await expect(table.getByRole('rowheader', { name: 'Raman, Priya' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Cho, Daniel' })).toHaveCount(0);
  const count = page.getByText(/^\d+ staff members in the program$/);
  const before = Number((await count.textContent())?.split(' ')[0]);
  await expectAccessible(page);

  const addStaff = page.getByRole('button', { name: 'Add Staff' });
  await tabTo(page, addStaff);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add Staff' });
  await expect(dialog).toBeVisible();
  const staff = dialog.getByRole('combobox', { name: 'Staff' });
  await expect(staff).toBeFocused();
  // active therapists never enrolled, by last name
  const options = await staff.getByRole('option').allTextContents();
  expect(options[0]).toBe('Select a therapist');
  expect(options).toEqual(expect.arrayContaining(['Cho, Daniel', 'Whitaker, Hannah']));
  for (const enrolled of ['Ellis, Jordan', 'Raman, Priya', 'Marquez, Sofia'])
    expect(options).not.toContain(enrolled);
  await expectAccessible(page);

  // Save with nothing chosen: each field says what is missing, and nothing is sent
  const save = dialog.getByRole('button', { name: 'Save' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Choose a staff member.')).toBeVisible();
  await expect(dialog.getByText('Choose at least one payer.')).toBeVisible();
  await expect(staff).toBeFocused();
  await expectAccessible(page);

  // type-ahead picks the therapist; Tab and Space tick the payers
  await page.keyboard.type('Cho');
  await expect(staff.locator('option:checked')).toHaveText('Cho, Daniel');
  const payers = dialog.getByRole('group', { name: 'Payers that may refer clients' });
  for (const payer of ['Aetna', 'Cigna Healthcare']) {
    const box = payers.getByRole('checkbox', { name: payer });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await tabTo(page, save);
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Daniel Cho was added' })).toHaveText(
    'Daniel Cho was added to the program. We emailed them to complete their public profile.',
  );
  await expect(addStaff).toBeFocused();
  await expect(table.getByRole('rowheader', { name: 'Cho, Daniel' })).toBeVisible();
  await expect(page.getByText(`${before + 1} staff members in the program`)).toBeVisible();
  const danielRow = table.getByRole('row', { name: /Cho, Daniel/ });
  await expect(danielRow).toContainText('Incomplete');
  await expect(danielRow.getByRole('listitem')).toHaveText(['Aetna', 'Cigna Healthcare']);
  await expectAccessible(page);

  // the invitation: through the outbox to the dev inbox, a link into the app and no payer names (no PHI)
  const profilePath = await table.getByRole('link', { name: 'Cho, Daniel' }).getAttribute('href');
  expect(profilePath).toMatch(/^\/staff\/[0-9a-f-]{36}\/public-profile$/);
  const inbox = process.env.CRP_TEST_INBOX_URL;
  if (!inbox)
    throw new Error(
      'CRP_TEST_INBOX_URL is not set: run through `npx playwright test` (its global setup starts the stack).',
    );
  let email: { subject: string; text: string; html: string } | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${inbox}/api/messages?to=${encodeURIComponent(daniel)}`);
        email = ((await response.json()) as { subject: string; text: string; html: string }[])[0];
        return email?.subject ?? null;
      },
      { timeout: 20_000, message: 'the invitation email reaches the dev inbox' },
    )
    .toContain('complete your public profile');
  expect(email!.text).toContain(profilePath!);
  expect(email!.html).toContain(profilePath!);
  for (const payerName of ['Aetna', 'Cigna'])
    expect(`${email!.subject}${email!.text}${email!.html}`).not.toContain(payerName);
});

test('an org admin filters the grid by staff name, payer and application status', async ({ page }) => {
  await signIn(page, demo.orgAdmin);
  const table = await openProgramTab(page);
  const filters = page.getByRole('search', { name: 'Filter enrolled staff' });

  await filters.getByRole('searchbox', { name: 'Staff' }).fill('jord ell');
  await expect(staffNames(table)).toHaveText(['Ellis, Jordan']);
  await expect(page.getByText('1 staff member matches these filters')).toBeVisible();
  await filters.getByRole('searchbox', { name: 'Staff' }).fill('');

  await filters.getByRole('combobox', { name: 'Payer' }).selectOption({ label: 'Cigna Healthcare' });
  await expect(staffNames(table)).toHaveText(['Cho, Daniel', 'Ellis, Jordan']);

  await filters.getByRole('combobox', { name: 'Application Status' }).selectOption({ label: 'Completed' });
  await expect(page.getByText('No enrolled staff match these filters.')).toBeVisible();
  await expectAccessible(page);

  await filters
    .getByRole('combobox', { name: 'Payer' })
    .selectOption({ label: 'Harvard Pilgrim Health Care' });
  await expect(staffNames(table)).toHaveText(['Raman, Priya']);
  await filters.getByRole('combobox', { name: 'Payer' }).selectOption({ label: 'Cigna Healthcare' });
  await filters.getByRole('combobox', { name: 'Application Status' }).selectOption({ label: 'Incomplete' });
  await expect(staffNames(table)).toHaveText(['Cho, Daniel', 'Ellis, Jordan']);

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filters.getByRole('searchbox', { name: 'Staff' })).toBeFocused();
  await expect(page.getByText(/^\d+ staff members in the program$/)).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Raman, Priya' })).toBeVisible();

  // sorting happens on the server too: Completed first, then Incomplete
  await table.getByRole('button', { name: /Application Status/ }).click();
  await expect(table.getByRole('columnheader', { name: /Application Status/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  // the header shows the new order at once, the rows once the server's sorted page arrives
  const statusCells = table.locator('tbody tr[aria-rowindex] td:nth-child(2)');
  await expect
    .poll(async () => {
      const statuses = await statusCells.allTextContents();
      return statuses.length > 1 && statuses.join('|') === [...statuses].sort().join('|');
    })
    .toBe(true);
  await expect(statusCells.first()).toHaveText('Completed');
  await expect(statusCells.last()).toHaveText('Incomplete');
  await expectAccessible(page);
});

test('an org admin edits payers, finds no Delete for a Completed application, and deactivates for good', async ({
  page,
}) => {
  await signIn(page, demo.orgAdmin);
  const table = await openProgramTab(page);

  // Edit: the current payers are ticked; at least one is required
  const jordanRow = table.getByRole('row', { name: /Ellis, Jordan/ });
  await jordanRow.getByRole('button', { name: 'Edit payers for Jordan Ellis' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit payers for Jordan Ellis' });
  const payers = edit.getByRole('group', { name: 'Payers that may refer clients' });
  await expect(payers.getByRole('checkbox', { name: 'Cigna Healthcare' })).toBeChecked();
  await expect(payers.getByRole('checkbox', { name: 'UnitedHealthcare' })).toBeChecked();
  await expect(payers.getByRole('checkbox', { name: 'Aetna' })).not.toBeChecked();
  await expectAccessible(page);
  await payers.getByRole('checkbox', { name: 'Harvard Pilgrim Health Care' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'payers of Jordan Ellis' })).toHaveText(
    'The payers of Jordan Ellis were updated.',
  );
  await expect(jordanRow.getByRole('listitem')).toHaveText([
    'Cigna Healthcare',
    'Harvard Pilgrim Health Care',
    'UnitedHealthcare',
  ]);

  // Priya submitted her profile (Completed): no Delete, only Edit and Deactivate
  const priyaRow = table.getByRole('row', { name: /Raman, Priya/ });
  await expect(priyaRow).toContainText('Completed');
  await expect(priyaRow.getByRole('button')).toHaveText([
    'Edit payers for Priya Raman',
    'Deactivate Priya Raman',
  ]);
  await expect(jordanRow.getByRole('button', { name: 'Delete Jordan Ellis' })).toBeVisible();

  // Deactivate: the confirmation says it is permanent
  const danielRow = table.getByRole('row', { name: /Cho, Daniel/ });
  await danielRow.getByRole('button', { name: 'Deactivate Daniel Cho' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate Daniel Cho?' });
  await expect(confirm).toContainText(
    'Deactivation is permanent. Daniel Cho can never be reactivated or added to the Client Referral Program again.',
  );
  await expect(confirm).toContainText('They disappear from payer directories immediately');
  await expect(confirm).toContainText('pending appointment requests stay in Unconfirmed Appointments');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Deactivate permanently' }).click();
  await expect(confirm).toBeHidden();

  await expect(danielRow.getByText('Deactivated')).toBeVisible();
  await expect(danielRow.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'deactivated' })).toHaveText(
    'Daniel Cho was deactivated. They no longer appear in payer directories.',
  );
  await expectAccessible(page);

  // and never again: Add Staff no longer offers Daniel
  await page.getByRole('button', { name: 'Add Staff' }).click();
  const add = page.getByRole('dialog', { name: 'Add Staff' });
  await expect(add.getByRole('option', { name: 'Whitaker, Hannah' })).toBeAttached();
  await expect(add.getByRole('option', { name: 'Cho, Daniel' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add Staff' })).toBeFocused();
});
