/**
 * The Public Profile in a real browser against the real stack: a therapist enrolled by an admin
 * follows the enrolment email's link, saves a draft, submits; the admin sees Completed and edits a
 * shared field but not the therapist-only ones; another therapist completes the form by keyboard
 * alone. axe checks every state visited.
 */
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Locator, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import type { Database } from '../../src/types/database.types.ts';
import { demo, demoPassword, expectAccessible, signIn, signOut } from './support/app.ts';

const marcus = 'marcus.bell@harborviewcounseling.com';
const sofia = 'sofia.marquez@harborviewcounseling.com';
const aetna = 'b0a1e000-0000-4000-8000-000000000001';

const about =
  'I work with adults and couples through anxiety, life transitions and relationship stress. Sessions are ' +
  'collaborative and practical, with room to understand the patterns that keep you stuck.';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the Playwright global setup exports it.`);
  return value;
}

/** supabase-js signed in as `email`, the way the app talks to the API (anon key + the person's session). */
async function apiAs(email: string) {
  const { anonKey } = await apiKeys(localJwtSecret);
  const client = createClient<Database>(requireEnv('CRP_TEST_API_URL'), anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: demoPassword });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

interface InboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The newest email to `to` whose text contains `including`, waiting for the outbox to be drained.
 * (The dev inbox outlives a fresh database, so earlier runs' emails may be there too.)
 */
async function waitForEmail(to: string, including: string): Promise<InboxMessage> {
  let found: InboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(
          `${requireEnv('CRP_TEST_INBOX_URL')}/api/messages?to=${encodeURIComponent(to)}`,
        );
        found = ((await response.json()) as InboxMessage[]).find((message) =>
          message.text.includes(including),
        );
        return found !== undefined;
      },
      { timeout: 20_000, message: `an email to ${to}` },
    )
    .toBe(true);
  return found!;
}

const form = (page: Page) => page.getByRole('form', { name: 'Public profile' });
const group = (page: Page, name: string) => form(page).getByRole('group', { name: new RegExp(`^${name}`) });
const saveStatus = (page: Page) => form(page).getByRole('status');

/** Presses `key` (Tab or Shift+Tab) until `target` has focus: keyboard only, as a person would. */
async function tabTo(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  maxPresses = 200,
): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${target.toString()} after ${maxPresses} presses of ${key}`);
}

test.describe.configure({ mode: 'serial' });

test('a therapist follows the enrolment email’s link, saves a draft and submits the profile', async ({
  page,
}) => {
  // waits for the outbox to be drained, and runs axe four times
  test.setTimeout(90_000);
  // the org admin adds Marcus to the program (the grid's Add Staff calls the same rpc)
  const admin = await apiAs(demo.orgAdmin);
  const { data: staff, error: lookupError } = await admin
    .from('staff_members')
    .select('id')
    .eq('email', marcus)
    .single();
  expect(lookupError).toBeNull();
  const { error: enrollError } = await admin.rpc('enroll_staff', { staff_id: staff!.id, payer_ids: [aetna] });
  expect(enrollError).toBeNull();

  const email = await waitForEmail(marcus, `/staff/${staff!.id}/public-profile`);
  expect(email.subject).toBe(
    'Harborview Counseling Collective: complete your public profile for client referrals',
  );
  const link = /Complete your public profile: (\S+)/.exec(email.text)?.[1];
  expect(link).toBeDefined();
  const profilePath = new URL(link!).pathname;
  expect(profilePath).toBe(`/staff/${staff!.id}/public-profile`);

  // signed out, the link asks for a sign-in first, then lands on the profile
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill(marcus);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(profilePath);
  await expect(page.getByRole('heading', { level: 1, name: 'Marcus Bell' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Public Profile' })).toBeVisible();
  await expect(page.getByText('Incomplete')).toBeVisible();
  await expect(page.getByRole('region', { name: /From the staff record/ })).toContainText(
    'marcus.bell@harborviewcounseling.com',
  );
  await expectAccessible(page);

  // a draft with a few fields
  await form(page).getByRole('textbox', { name: 'Professional title / credentials' }).fill('LPC');
  await group(page, 'Languages').getByRole('checkbox', { name: 'Spanish' }).check();
  await form(page).getByRole('textbox', { name: 'Pronouns' }).fill('he/him');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(saveStatus(page)).toHaveText('Draft saved.');
  await expectAccessible(page);

  await page.reload();
  await expect(form(page).getByRole('textbox', { name: 'Professional title / credentials' })).toHaveValue(
    'LPC',
  );
  await expect(group(page, 'Languages').getByRole('checkbox', { name: 'Spanish' })).toBeChecked();
  await expect(form(page).getByRole('textbox', { name: 'Pronouns' })).toHaveValue('he/him');
  await expect(page.getByText('Completeness: 2 of 10 required fields filled in.')).toBeVisible();

  // every required field, then Submit Profile
  await form(page).getByRole('combobox', { name: 'License type' }).selectOption('lpc');
  await form(page).getByRole('combobox', { name: 'License state' }).selectOption('CO');
  await form(page).getByRole('textbox', { name: 'License number' }).fill('LPC-0042917');
  await form(page).getByRole('textbox', { name: 'About me' }).fill(about);
  await group(page, 'Specialties').getByRole('checkbox', { name: 'Anxiety' }).check();
  await group(page, 'Specialties').getByRole('checkbox', { name: 'Relationship issues' }).check();
  await group(page, 'Treatment approaches').getByRole('checkbox', { name: 'Gottman method' }).check();
  await group(page, 'Ages served').getByRole('checkbox', { name: 'Adults (26–64)' }).check();
  await group(page, 'Session formats').getByRole('checkbox', { name: 'In person' }).check();
  await group(page, 'Languages').getByRole('checkbox', { name: 'English' }).check();
  await expect(page.getByText('Completeness: all 10 required fields are filled in.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit Profile' }).click();
  await expect(saveStatus(page)).toHaveText('Profile submitted. Application Status: Completed.');
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit Profile' })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});

test('the admin sees Completed, edits a shared field, and cannot edit the therapist-only ones', async ({
  page,
}) => {
  await signIn(page, demo.orgAdmin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Active Staff Members' })
    .click();
  await page.getByRole('link', { name: 'Marcus Bell' }).click();
  await page
    .getByRole('navigation', { name: 'Staff member sections' })
    .getByRole('link', { name: 'Public Profile' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Public Profile' })).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();

  // therapist-only fields: shown, not editable
  const personal = page.getByRole('region', { name: 'Personal details' });
  await expect(personal).toContainText('Read-only: only Marcus can edit pronouns, gender identity');
  await expect(personal).toContainText('he/him');
  for (const name of ['Pronouns', 'Gender identity', 'What to expect in a first session']) {
    await expect(form(page).getByRole('textbox', { name })).toHaveCount(0);
  }
  await expectAccessible(page);

  await form(page).getByRole('textbox', { name: 'Years in practice' }).fill('6');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(saveStatus(page)).toHaveText('Changes saved.');
  await page.reload();
  await expect(form(page).getByRole('textbox', { name: 'Years in practice' })).toHaveValue('6');
  await expect(page.getByRole('region', { name: 'Personal details' })).toContainText('he/him');

  // the preview, as payers show it
  await page.getByRole('button', { name: 'Preview profile' }).click();
  const preview = page.getByRole('article', { name: 'Marcus Bell’s public profile' });
  await expect(preview).toContainText('Marcus Bell, LPC');
  await expect(preview).toContainText('Gottman method');
  await expect(preview).not.toContainText('LPC-0042917');
  await expect(preview).not.toContainText(marcus);
  await expectAccessible(page);
  await signOut(page);
});

test('a therapist completes and submits the form with the keyboard alone', async ({ page }) => {
  // one key at a time through 60-odd checkboxes, and four axe runs
  test.setTimeout(120_000);
  await signIn(page, sofia);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Profile' }).click();
  await page
    .getByRole('navigation', { name: 'Staff member sections' })
    .getByRole('link', { name: 'Public Profile' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Public Profile' })).toBeVisible();
  await expect(page.getByText('Incomplete')).toBeVisible();
  await expectAccessible(page);

  // Submit on an empty form: every error shown, focus on the first field
  const submit = page.getByRole('button', { name: 'Submit Profile' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('The profile was not submitted. Fix these 10 fields:');
  const title = form(page).getByRole('textbox', { name: 'Professional title / credentials' });
  await expect(title).toBeFocused();
  await expectAccessible(page);

  await page.keyboard.type('LMFT');
  await page.keyboard.press('Tab');
  const licenseType = form(page).getByRole('combobox', { name: 'License type' });
  await expect(licenseType).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(licenseType).toHaveValue('lcsw');
  await page.keyboard.press('Tab');
  const licenseState = form(page).getByRole('combobox', { name: 'License state' });
  await expect(licenseState).toBeFocused();
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
  await expect(licenseState).toHaveValue('CO');
  await page.keyboard.press('Tab');
  await expect(form(page).getByRole('textbox', { name: 'License number' })).toBeFocused();
  await page.keyboard.type('CO-99120');
  await page.keyboard.press('Tab');
  await expect(form(page).getByRole('textbox', { name: 'About me' })).toBeFocused();
  await page.keyboard.type(about);

  for (const [list, option] of [
    ['Specialties', 'Grief and loss'],
    ['Treatment approaches', 'EMDR'],
    ['Ages served', 'Young adults (18–25)'],
    ['Session formats', 'Telehealth'],
    ['Languages', 'Spanish'],
  ] as const) {
    const checkbox = group(page, list).getByRole('checkbox', { name: option });
    await tabTo(page, checkbox);
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();
  }
  await expect(page.getByText('Completeness: all 10 required fields are filled in.')).toBeVisible();

  // the preview, opened from the keyboard
  const previewToggle = page.getByRole('button', { name: 'Preview profile' });
  await tabTo(page, previewToggle, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(previewToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('article', { name: 'Sofia Marquez’s public profile' })).toContainText(
    'Sofia Marquez, LMFT',
  );
  await expectAccessible(page);

  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(saveStatus(page)).toHaveText('Profile submitted. Application Status: Completed.');
  await expect(saveStatus(page)).toBeFocused();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});
