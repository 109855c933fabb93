/**
 * The client's side of a request, end to end: a scheduler offers two other times → the client
 * opens the emailed status link from the dev inbox → picks one → both see it confirmed; a
 * client-portal client withdraws from the link in their confirmation email. Axe on every page
 * and state; the client's pages at a phone's size (390×844) too. With CRP_SCREENSHOT_DIR set,
 * each state is saved at the size it was run at.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import { demo, expectAccessible, signIn } from './support/app.ts';

test.describe.configure({ mode: 'serial' });

const api = () => process.env.CRP_TEST_API_URL!;
const inbox = () => process.env.CRP_TEST_INBOX_URL!;
const run = randomUUID().slice(0, 8);
const offered = { first_name: 'Noor', last_name: `Offer${run}`, email: `noor.${run}@example.org` };
const withdrawing = { first_name: 'Tomas', last_name: `Withdraw${run}`, email: `tomas.${run}@example.org` };
const person = { phone: '617-555-0188', date_of_birth: '1988-06-09' };
const practice = 'Harborview Counseling Collective';

async function anonHeaders() {
  const { anonKey } = await apiKeys(localJwtSecret);
  return { apikey: anonKey, authorization: `Bearer ${anonKey}` };
}

/** Priya's open times 20–40 days ahead: far from the other journeys' times. */
async function priyaLaterSlots(): Promise<{ id: string; starts: string[] }> {
  const headers = await anonHeaders();
  const directory = await (
    await fetch(`${api()}/functions/v1/client-portal/clinics/harborview`, { headers })
  ).json();
  const priya = directory.data.find((t: { last_name: string }) => t.last_name === 'Raman');
  const from = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString();
  const slots = await (
    await fetch(
      `${api()}/functions/v1/client-portal/clinics/harborview/therapists/${priya.id}/slots?from=${from}&to=${to}`,
      { headers },
    )
  ).json();
  return { id: priya.id, starts: slots.data.map((s: { start: string }) => s.start) };
}

async function emailTo(address: string, subject: string): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 80; i++) {
    const messages: { subject: string; text: string }[] = await (
      await fetch(`${inbox()}/api/messages?to=${encodeURIComponent(address)}`)
    ).json();
    const match = messages.find((m) => m.subject === subject);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email "${subject}" to ${address}`);
}

/** The status page's path from an email's text. */
function statusPath(text: string): string {
  const found = /\/request\/status\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(found, 'the email carries a status link').toBeTruthy();
  return found!;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CRP_SCREENSHOT_DIR;
  if (!dir) return;
  const size = (page.viewportSize()?.width ?? 0) < 700 ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(dir, `${size}-${name}.png`), fullPage: true });
}

async function noSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** A client-portal request made and its email confirmed through the API, as the client's browser would. */
async function portalRequest(client: typeof offered, start: string, therapistId: string) {
  const headers = await anonHeaders();
  const made = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      therapist_id: therapistId,
      slot_start: start,
      ...client,
      ...person,
      session_format: 'in_person',
    }),
  });
  expect(made.status).toBe(201);
  const email = await emailTo(client.email, `Confirm your appointment request with ${practice}`);
  const token = /verify#token=([A-Za-z0-9_-]{43})/.exec(email.text)?.[1];
  const verified = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests/verify`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(verified.status).toBe(200);
  return email;
}

let slots: { id: string; starts: string[] };

test.beforeAll(async () => {
  slots = await priyaLaterSlots();
  expect(slots.starts.length).toBeGreaterThan(6);
  await portalRequest(offered, slots.starts[0]!, slots.id);
});

test('a scheduler offers two times; the client picks one from the emailed link; both see it confirmed', async ({
  page,
  browser,
}) => {
  const name = `${offered.first_name} ${offered.last_name}`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, demo.scheduler);
  await page.goto('/schedule/unconfirmed-appointments');
  await page.getByRole('button', { name: `Offer ${name} other times` }).click();
  const dialog = page.getByRole('dialog', { name: `Offer ${name} other times` });
  const priyaTimes = dialog.getByRole('group', { name: 'Priya Raman (requested therapist)' });
  await expect(priyaTimes.getByRole('checkbox').first()).toBeVisible();
  await expectAccessible(page);
  await priyaTimes.getByRole('checkbox').nth(1).check();
  await priyaTimes.getByRole('checkbox').nth(2).check();
  await dialog.getByLabel(/Message to the client/).fill('Two times later that week; the first one is taken.');
  await screenshot(page, 'offer-dialog');
  await dialog.getByRole('button', { name: 'Offer 2 times' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Times offered:' })).toContainText(name);
  await expect(page.getByRole('button', { name: `Offer ${name} other times` })).toHaveCount(0);
  // the offer waits for the client in a section of its own: no Confirm or Decline any more
  const waiting = page.getByRole('region', { name: 'Times offered — waiting for the client' });
  const offerRow = waiting.getByRole('row').filter({ hasText: offered.last_name });
  await expect(offerRow).toContainText('Times offered — waiting for the client');
  await expect(offerRow).toContainText('Client can pick until');
  await expect(offerRow.getByRole('button')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'queue-offer-waiting');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(offerRow).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, 'queue-offer-waiting');
  await page.setViewportSize({ width: 1440, height: 900 });

  // the client, in a browser of their own, from the dev inbox
  const email = await emailTo(offered.email, `${practice} offered you other appointment times`);
  expect(email.text).toContain('Pick a time:');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const client = await context.newPage();
  await client.goto(statusPath(email.text));
  await expect(
    client.getByRole('heading', { level: 1, name: `${practice} offered you other times` }),
  ).toBeVisible();
  const list = client.getByRole('region', { name: 'Times offered to you' });
  await expect(list).toContainText('Two times later that week');
  await expect(list.getByRole('button', { name: /^Pick / })).toHaveCount(2);
  await expectAccessible(client);
  await noSidewaysScroll(client);
  await screenshot(client, 'status-offered');
  // a double click books once
  await list
    .getByRole('button', { name: /^Pick / })
    .first()
    .dblclick();
  await expect(
    client.getByRole('heading', { level: 1, name: 'Your appointment is confirmed' }),
  ).toBeVisible();
  await expect(client.getByRole('region', { name: 'Your appointment' })).toContainText('Priya Raman');
  await expectAccessible(client);
  await screenshot(client, 'status-confirmed');
  await emailTo(offered.email, `Your appointment with ${practice} is confirmed`);

  // the scheduler sees it confirmed in the history
  await page.goto('/schedule/unconfirmed-appointments/handled');
  const handled = page.getByRole('row').filter({ hasText: offered.last_name });
  await expect(handled).toContainText('Confirmed');
  await expectAccessible(page);

  // one appointment only, at the picked time
  const { serviceRoleKey } = await apiKeys(localJwtSecret);
  const service = createClient(api(), serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  const { data: request } = await service
    .from('referral_requests')
    .select('status, slot, appointment_id')
    .eq('email', offered.email)
    .single();
  expect(request!.status).toBe('confirmed');
  // moved to the offered time it was booked at, not the one first asked for
  const booked = await service
    .from('appointments')
    .select('during')
    .eq('id', request!.appointment_id!)
    .single();
  expect(booked.data!.during).toBe(request!.slot);
  expect(request!.slot).not.toContain(
    new Date(slots.starts[0]!).toISOString().slice(0, 16).replace('T', ' '),
  );
  await context.close();
});

for (const size of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`a client withdraws a waiting request from the link in their email (${size.name})`, async ({
    page,
  }) => {
    const who = {
      ...withdrawing,
      email: `${size.name}.${withdrawing.email}`,
      last_name: `${withdrawing.last_name}${size.name}`,
    };
    const start = slots.starts[size.name === 'desktop' ? 4 : 6]!;
    const email = await portalRequest(who, start, slots.id);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(statusPath(email.text));
    await expect(
      page.getByRole('heading', { level: 1, name: `Waiting for ${practice}’s answer` }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your request' })).toContainText('Answer due by');
    await expectAccessible(page);
    await noSidewaysScroll(page);
    await screenshot(page, 'status-pending');
    await page.getByRole('button', { name: 'Withdraw my request' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Withdraw your request?' });
    await expectAccessible(page);
    await screenshot(page, 'status-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You withdrew this request' })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, 'status-withdrawn');
    // the time is open again on the public page
    const again = await priyaLaterSlots();
    expect(again.starts).toContain(start);

    // a changed link shows nothing, and says so
    const tampered = statusPath(email.text).slice(0, -1) + (email.text.includes('Aa') ? 'B' : 'A');
    await page.goto(
      tampered.endsWith(statusPath(email.text).slice(-1)) ? tampered.slice(0, -1) + 'Z' : tampered,
    );
    await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'status-invalid');
  });
}
