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

test('a prospective client requests Priya’s first open time, and the clinic’s scheduler sees the request', async ({
  page,
}) => {
  const email = `client-${Date.now()}@example.com`;

  await page.goto('/request/harborview');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harborview Counseling Collective' }),
  ).toBeVisible();
  await expect(page.getByText('Times are shown in your time zone (America/Los_Angeles).')).toBeVisible();
  await expectAccessible(page);

  // filter: Priya treats anxiety and speaks Hindi
  await page.getByLabel('Specialty').selectOption({ label: 'Anxiety' });
  await page.getByLabel('Language').selectOption({ label: 'Hindi' });
  await expect(page).toHaveURL(/\/request\/harborview\?specialty=anxiety&language=hi$/);
  await expect(page.getByRole('status')).toHaveText('1 therapist matches these filters.');
  const card = page.getByRole('article', { name: /Priya Raman/ });
  await expect(card.getByText('PhD, Licensed Psychologist')).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'Anxiety' })).toBeVisible();

  // her first open time, shown in Pacific time
  const firstTime = card
    .getByRole('list', { name: 'Next open times with Priya Raman' })
    .getByRole('button')
    .first();
  await expect(firstTime).toHaveText(/ \(\d{1,2}:\d{2}\s[AP]M P[DS]T your time\)$/);
  const chosenTime = await firstTime.innerText();
  await firstTime.focus();
  await page.keyboard.press('Enter');

  const formHeading = page.getByRole('heading', { level: 2, name: 'Your appointment request' });
  await expect(formHeading).toBeFocused();
  await expect(page.getByText('Priya Raman, PhD, Licensed Psychologist')).toBeVisible();
  await expect(page.getByText(chosenTime, { exact: true })).toBeVisible();

  // Send with nothing filled in: every field says what is wrong, and focus goes to the first
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByLabel('First name')).toBeFocused();
  await expect(page.getByText('First name is required.')).toBeVisible();
  await expectAccessible(page);

  // the keyboard path: type, Tab to the next field, Enter to send
  await page.keyboard.type('Alex');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name')).toBeFocused();
  await page.keyboard.type('Morgan');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('(617) 555-0199');
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('Note to the clinic (optional)').fill('Evenings work best for me.');
  await page.getByLabel('Email').focus();
  await page.keyboard.press('Enter');

  // the request waits for the email confirmation: the page says where the link went and by when
  const sent = page.getByRole('heading', { level: 2, name: 'Check your email to confirm your request' });
  await expect(sent).toBeFocused();
  const confirmation = page.getByRole('region', { name: 'Check your email to confirm your request' });
  await expect(confirmation).toContainText(
    new RegExp(
      `We sent a link to ${email.replace(/[.]/g, '\\.')}\\. Open it within 30 minutes — by \\w{3}, \\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}\\s[AP]M P[DS]T — to send your request to Harborview Counseling Collective\\.`,
    ),
  );
  await expect(confirmation.getByText(chosenTime, { exact: true })).toBeVisible();
  await expect(page.getByText('Alex')).toHaveCount(0);
  await expectAccessible(page);

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
    .from('referral_requests')
    .select('first_name, source, status')
    .eq('email', email);
  expect(error).toBeNull();
  expect(data).toEqual([{ first_name: 'Alex', source: 'client_portal', status: 'pending' }]);

  // the time is no longer offered to the next person
  await page.goto('/request/harborview');
  const times = page.getByRole('list', { name: 'Next open times with Priya Raman' }).getByRole('button');
  await expect(times.first()).toBeVisible();
  await expect(times.filter({ hasText: chosenTime })).toHaveCount(0);
});

test('on a phone the page is one column, usable and accessible', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/request/harborview');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Harborview Counseling Collective' }),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: /Priya Raman/ })).toBeVisible();
  await expectAccessible(page);
  // nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
  await page
    .getByRole('list', { name: 'Next open times with Priya Raman' })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your appointment request' })).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
