/**
 * A prospective client requests an appointment on the clinic's public page (no sign-in), and the
 * request reaches the clinic's queue; the page on a phone; a clinic without the program.
 */
import { createClient } from '@supabase/supabase-js';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import type { Database } from '../../src/types/database.types.ts';
import { demo, demoPassword, expectAccessible } from './support/app.ts';

/** The newest email to `address` with this subject in the dev inbox. */
async function emailTo(address: string, subject: string): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 60; i++) {
    const messages = (await (
      await fetch(`${process.env.CRP_TEST_INBOX_URL}/api/messages?to=${encodeURIComponent(address)}`)
    ).json()) as {
      subject: string;
      text: string;
    }[];
    const match = messages.find((m) => m.subject === subject);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email "${subject}" to ${address}`);
}

// a viewer far from the clinic (New York): every time must be shown in their zone, zone named
test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

test('a prospective client goes step by step (Back and Refresh work on each), and the clinic’s scheduler sees the request with its source', async ({
  page,
}) => {
  // every step, Back, Forward and Refresh on each, and an accessibility check of each state
  test.setTimeout(180_000);
  const email = `client-${Date.now()}@example.com`;

  // a payer's directory linked here: its source and reference ride along through every step
  await page.goto('/request/harborview?source=e2e-directory&booking-referral=e2e-ref-1');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harborview Counseling Collective' }),
  ).toBeVisible();
  await expect(page.getByText(/Times are shown in each office’s time zone/)).toContainText(
    '(yours is America/Los_Angeles).',
  );
  await expect(page.getByText(/Times less than 24 hours away can’t be requested online/)).toBeVisible();
  await expectAccessible(page);

  // filter: Priya treats anxiety and speaks Hindi
  await page.getByLabel('Specialty').selectOption({ label: 'Anxiety' });
  await page.getByLabel('Language').selectOption({ label: 'Hindi' });
  await expect(page).toHaveURL(
    /\/request\/harborview\?specialty=anxiety&language=hi&source=e2e-directory&booking-referral=e2e-ref-1$/,
  );
  await expect(page.getByRole('status')).toHaveText('1 therapist matches these filters.');
  const card = page.getByRole('article', { name: /Priya Raman/ });
  await expect(card.getByText('PhD, Licensed Psychologist')).toBeVisible();

  // step 2: all of her open times
  await card.getByRole('link', { name: 'All open times with Priya Raman' }).click();
  const timesHeading = page.getByRole('heading', { level: 1, name: 'Open times with Priya Raman' });
  await expect(timesHeading).toBeFocused();
  await expect(page).toHaveURL(/\/request\/harborview\/therapists\/[0-9a-f-]{36}\?source=e2e-directory/);
  await expectAccessible(page);
  const firstTime = page
    .getByRole('group', { name: 'Open times with Priya Raman' })
    .getByRole('link')
    .first();
  const chosenSlot = new URL((await firstTime.getAttribute('href')) ?? '', 'http://x').searchParams.get(
    'slot',
  )!;
  await firstTime.click();

  // step 3: the details, at an address that names the time (and nothing the person types)
  const formHeading = page.getByRole('heading', { level: 2, name: 'Your appointment request' });
  await expect(formHeading).toBeFocused();
  await expect(page).toHaveURL(
    /\/therapists\/[0-9a-f-]{36}\/request\?slot=.+&source=e2e-directory&booking-referral=e2e-ref-1$/,
  );
  const chosenTime = await page.getByRole('definition').locator('time').first().innerText();
  expect(chosenTime).toMatch(/E[DS]T, Back Bay Office \(.+P[DS]T your time\)/);
  await expectAccessible(page);

  // Back through every step, Forward again, and Refresh on each: the same step comes back
  await page.goBack();
  await expect(timesHeading).toBeVisible();
  await page.reload();
  await expect(timesHeading).toBeVisible();
  await page.goBack();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harborview Counseling Collective' }),
  ).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('hi');
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('1 therapist matches these filters.');
  await page.goForward();
  await expect(timesHeading).toBeVisible();
  await page.goForward();
  await expect(formHeading).toBeVisible();
  await page.reload();
  await expect(formHeading).toBeVisible();
  await expect(page.getByText(chosenTime, { exact: true })).toBeVisible();

  // Send with nothing filled in: every field says what is wrong, and focus goes to the first
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByLabel('First name')).toBeFocused();
  await expect(page.getByText('First name is required.')).toBeVisible();
  await expectAccessible(page);

  // the keyboard path: type, Tab to the next field, Enter to send
  await page.getByLabel('First name').focus();
  await page.keyboard.type('Alex');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name')).toBeFocused();
  await page.keyboard.type('Morgan');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('(617) 555-0199');
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('In person at Back Bay Office').check();
  // the member ID comes with the insurance it belongs to
  await expect(page.getByLabel(/member ID/)).toHaveCount(0);
  await page.getByLabel('Insurance (optional)').selectOption({ label: 'Aetna' });
  await page.getByLabel('Aetna member ID').fill('W123456789');
  await expectAccessible(page);
  await page.getByLabel('Note to the clinic (optional)').fill('Evenings work best for me.');
  await page.getByLabel('Email').focus();
  await page.keyboard.press('Enter');

  // step 4: the request waits for the email confirmation; the whole request is repeated
  const sent = page.getByRole('heading', { level: 1, name: 'Check your email to confirm your request' });
  await expect(sent).toBeFocused();
  await expect(page).toHaveURL(/\/request\/harborview\/sent$/);
  const confirmation = page.getByRole('region', { name: 'Your request' });
  await expect(confirmation).toContainText(
    new RegExp(
      `We sent a link to ${email.replace(/[.]/g, '\\.')}\\. Open it within 30 minutes — by \\w{3}, \\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}\\s[AP]M P[DS]T — to send your request to Harborview Counseling Collective\\.`,
    ),
  );
  const repeated = async () => {
    await expect(confirmation.getByText(chosenTime, { exact: true })).toBeVisible();
    await expect(confirmation).toContainText('TherapistPriya Raman');
    await expect(confirmation).toContainText('WhereIn person at Back Bay Office');
    await expect(confirmation).toContainText('InsuranceAetna');
    await expect(confirmation).toContainText(/has 48 hours to confirm or decline/);
  };
  await repeated();
  await expect(page.getByText('Alex')).toHaveCount(0);
  await expect(page.getByText('W123456789')).toHaveCount(0);
  await expectAccessible(page);
  // a refresh keeps what the step repeats (kept in the history entry, not in the address)
  await page.reload();
  await repeated();
  // Back leaves the sent step for the times (the form is not sent twice by going back)
  await page.goBack();
  await expect(timesHeading).toBeVisible();
  await page.goForward();
  await expect(sent).toBeVisible();

  // the link in the email (dev inbox) opens the verification page; the person confirms there
  const message = await emailTo(
    email,
    'Confirm your appointment request with Harborview Counseling Collective',
  );
  const link = /(https?:\/\/\S+\/request\/harborview\/verify#token=[A-Za-z0-9_-]{43})/.exec(
    message.text,
  )?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Confirm your appointment request' }),
  ).toBeVisible();
  // the token leaves the address bar
  await expect(page).toHaveURL(/\/request\/harborview\/verify$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  const verified = page.getByRole('heading', {
    level: 1,
    name: 'Request sent to Harborview Counseling Collective',
  });
  await expect(verified).toBeFocused();
  const result = page.getByRole('region', { name: 'Request sent to Harborview Counseling Collective' });
  // the office's time, zone named, with the viewer's own in brackets
  await expect(result).toContainText(
    /Your request for \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M E[DS]T \(.+P[DS]T your time\)/,
  );
  // the first open time may be less than 48 hours away: then the answer comes before it begins
  await expect(result).toContainText(
    /Harborview Counseling Collective will confirm or decline (within 48 hours — by .+|before the requested time begins)\./,
  );
  await expectAccessible(page);

  // the clinic's scheduler sees it in the org's pending requests, from the client portal
  const { anonKey } = await apiKeys(localJwtSecret);
  const scheduler = createClient<Database>(process.env.CRP_TEST_API_URL!, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no WebSocket of its own
    realtime: { transport: WebSocket as never },
  });
  const { error: signInError } = await scheduler.auth.signInWithPassword({
    email: demo.scheduler,
    password: demoPassword,
  });
  expect(signInError).toBeNull();
  const { data, error } = await scheduler
    .from('unconfirmed_requests')
    .select(
      'first_name, source, source_label, referral_source, booking_referral, session_format, insurance_name, slot_start',
    )
    .eq('email', email);
  expect(error).toBeNull();
  expect(data).toEqual([
    {
      first_name: 'Alex',
      source: 'client_portal',
      source_label: 'Client Portal',
      referral_source: 'e2e-directory',
      booking_referral: 'e2e-ref-1',
      session_format: 'in_person',
      insurance_name: 'Aetna',
      slot_start: expect.any(String),
    },
  ]);
  expect(Date.parse(data![0]!.slot_start!)).toBe(Date.parse(chosenSlot));

  // the time is no longer offered to the next person
  await page.goto('/request/harborview');
  const times = page.getByRole('list', { name: 'Next open times with Priya Raman' }).getByRole('link');
  await expect(times.first()).toBeVisible();
  await expect(times.filter({ hasText: chosenTime })).toHaveCount(0);
});

test('a minor is told to have a parent or guardian request, and nothing is sent', async ({ page }) => {
  await page.goto('/request/harborview');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/client-portal/')) requests.push(r.url());
  });
  await page
    .getByRole('list', { name: 'Next open times with Priya Raman' })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your appointment request' })).toBeFocused();
  await page.getByLabel('First name').fill('Sam');
  await page.getByLabel('Last name').fill('Lee');
  await page.getByLabel('Email').fill(`minor-${Date.now()}@example.com`);
  await page.getByLabel('Phone').fill('617-555-0123');
  await page.getByLabel('Date of birth').fill(`${new Date().getFullYear() - 14}-01-01`);
  // Priya does not see adolescents: no parent or guardian can request her for them either
  await expect(page.getByLabel(/I am this client’s parent or legal guardian/)).toHaveCount(0);
  await page.getByLabel('Telehealth (a video call)').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  const dateOfBirth = page.getByLabel('Date of birth');
  await expect(dateOfBirth).toBeFocused();
  await expect(
    page.getByText(/Priya Raman sees young adults \(18–25\), adults \(26–64\) only\./),
  ).toBeVisible();
  await expect(page.getByText(/for anyone under 18, a parent or guardian makes the request\./)).toBeVisible();
  await expectAccessible(page);
  expect(requests).toEqual([]);
});

test('on a phone the whole journey is one column, usable and accessible', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto('/request/harborview');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harborview Counseling Collective' }),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: /Priya Raman/ })).toBeVisible();
  await expectAccessible(page);
  await fits();
  // the filters stack: each select starts at the same left edge
  const lefts = await Promise.all(
    ['Specialty', 'Language', 'Age group', 'Session format'].map(
      async (label) => (await page.getByLabel(label).boundingBox())!.x,
    ),
  );
  expect(new Set(lefts).size).toBe(1);

  await page
    .getByRole('article', { name: /Priya Raman/ })
    .getByRole('button', { name: 'Read more about Priya Raman' })
    .click();
  await page.getByRole('link', { name: 'All open times with Priya Raman' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open times with Priya Raman' })).toBeFocused();
  await expectAccessible(page);
  await fits();
  // a later time than the other journeys take
  await page.getByRole('group', { name: 'Open times with Priya Raman' }).getByRole('link').nth(3).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your appointment request' })).toBeFocused();
  await expectAccessible(page);
  await fits();

  await page.getByLabel('First name').fill('Riley');
  await page.getByLabel('Last name').fill('Chen');
  await page.getByLabel('Email').fill(`phone-${Date.now()}@example.com`);
  await page.getByLabel('Phone').fill('617-555-0142');
  await page.getByLabel('Date of birth').fill('1985-09-30');
  await page.getByLabel('Telehealth (a video call)').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check your email to confirm your request' }),
  ).toBeFocused();
  await expect(page.getByRole('region', { name: 'Your request' })).toContainText(
    'WhereTelehealth (a video call)',
  );
  await expectAccessible(page);
  await fits();
});

test('an unknown clinic link is a “not found” page', async ({ page }) => {
  await page.goto('/request/no-such-clinic');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(/No clinic has this address\./)).toBeVisible();
  await expect(page.getByText(/doesn’t take appointment requests online/)).toHaveCount(0);
  await expectAccessible(page);
});

test('a clinic without the program says it does not take requests online', async ({ page }) => {
  await page.goto('/request/cedar-ridge');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Online requests aren’t available' }),
  ).toBeVisible();
  await expect(
    page.getByText('This clinic doesn’t take appointment requests online.', { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
});
