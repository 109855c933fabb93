/**
 * Requests arrive through the real public APIs (the client portal and the payer API); the
 * scheduler works the Unconfirmed Appointments queue: Source shown, confirm (client emailed, the
 * payer API reports confirmed), decline with a reason (client told the clinic could not accept);
 * the therapist sees only her own requests. A decided request moves to the Handled tab, at a
 * desktop's size and at a phone's.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import { demo, expectAccessible, signIn, signOut } from './support/app.ts';

test.describe.configure({ mode: 'serial' });

const api = () => process.env.CRP_TEST_API_URL!;
const inbox = () => process.env.CRP_TEST_INBOX_URL!;
const run = randomUUID().slice(0, 8);
const portalClient = { first_name: 'Rowan', last_name: `Portal${run}`, email: `rowan.${run}@example.org` };
const payerClient = { first_name: 'Imani', last_name: `Payer${run}`, email: `imani.${run}@example.org` };
let payerKey: string;
let payerRequestId: string;

async function priyaSlots(): Promise<{ id: string; starts: string[] }> {
  const { anonKey } = await apiKeys(localJwtSecret);
  const headers = { apikey: anonKey, authorization: `Bearer ${anonKey}` };
  const directory = await (
    await fetch(`${api()}/functions/v1/client-portal/clinics/harborview`, { headers })
  ).json();
  const priya = directory.data.find((t: { last_name: string }) => t.last_name === 'Raman');
  const from = new Date(Date.now() + 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const slots = await (
    await fetch(
      `${api()}/functions/v1/client-portal/clinics/harborview/therapists/${priya.id}/slots?from=${from}&to=${to}`,
      { headers },
    )
  ).json();
  return { id: priya.id, starts: slots.data.map((s: { start: string }) => s.start) };
}

/** The newest email to `address` (with this subject, when given) in the dev inbox. */
async function emailTo(address: string, subject?: string): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 60; i++) {
    const messages: { subject: string; text: string }[] = await (
      await fetch(`${inbox()}/api/messages?to=${encodeURIComponent(address)}`)
    ).json();
    const match = messages.find((m) => subject === undefined || m.subject === subject);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email${subject ? ` "${subject}"` : ''} to ${address}`);
}

/** Follows the link in a client-portal request's verification email: the request reaches the queue. */
async function confirmFromInbox(address: string): Promise<void> {
  const message = await emailTo(
    address,
    'Confirm your appointment request with Harborview Counseling Collective',
  );
  const token = /\/request\/harborview\/verify#token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
  expect(token).toBeTruthy();
  const { anonKey } = await apiKeys(localJwtSecret);
  const verified = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests/verify`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(verified.status).toBe(200);
}

const row = (page: Page, lastName: string) => page.getByRole('row').filter({ hasText: lastName });

/** A full-page screenshot when CRP_SCREENSHOT_DIR is set, named <size>-<name>.png. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CRP_SCREENSHOT_DIR;
  if (!dir) return;
  const size = (page.viewportSize()?.width ?? 0) < 700 ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(dir, `${size}-${name}.png`), fullPage: true });
}

/** Opens the Handled tab from the queue and waits for its table. */
async function openHandled(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Requests' }).getByRole('link', { name: 'Handled' }).click();
  await expect(page).toHaveURL(/\/schedule\/unconfirmed-appointments\/handled$/);
  await expect(page.getByRole('table', { name: /Handled requests/ })).toBeVisible();
}

test.beforeAll(async () => {
  const { anonKey, serviceRoleKey } = await apiKeys(localJwtSecret);
  const service = createClient(api(), serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  const { data: payer } = await service.from('payers').select('id').eq('name', 'Aetna').single();
  const { data: key, error } = await service.rpc('create_payer_api_key', {
    payer: payer!.id,
    label: 'browser test',
  });
  if (error) throw error;
  payerKey = key as string;
  const { id, starts } = await priyaSlots();
  const person = { phone: '617-555-0188', date_of_birth: '1990-02-03' };

  const portal = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests`, {
    method: 'POST',
    headers: {
      apikey: anonKey,
      authorization: `Bearer ${anonKey}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      therapist_id: id,
      slot_start: starts[0],
      ...portalClient,
      ...person,
      session_format: 'in_person',
    }),
  });
  expect(portal.status).toBe(201);
  await confirmFromInbox(portalClient.email);
  const viaPayer = await fetch(`${api()}/functions/v1/payer-api/referral-requests`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${payerKey}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      therapist_id: id,
      slot_start: starts[1],
      ...payerClient,
      ...person,
      member_id: 'W1234567',
    }),
  });
  expect(viaPayer.status).toBe(201);
  payerRequestId = (await viaPayer.json()).id;
});

test('client-portal request: the scheduler sees Source Client Portal, checks the details, confirms with the keyboard; the client is emailed and active', async ({
  page,
}) => {
  await signIn(page, demo.scheduler);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Unconfirmed Appointments/ })
    .click();
  await expect(row(page, portalClient.last_name).first()).toContainText('Client Portal');
  await expect(row(page, payerClient.last_name).first()).toContainText('Aetna');
  await expectAccessible(page);

  const name = `${portalClient.first_name} ${portalClient.last_name}`;
  await page.getByRole('button', { name: `Details of ${name}’s request` }).click();
  await expect(page.getByRole('heading', { name: 'Priya Raman’s calendar around this time' })).toBeVisible();
  await expect(page.getByText('This request')).toBeVisible();
  // the date of birth in the locale's format, in a label/value list
  await expect(page.getByRole('definition').filter({ hasText: 'Feb 3, 1990' }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'unconfirmed-with-requests');

  await page.getByRole('button', { name: `Confirm ${name}’s request` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Confirm ${name}’s request?` });
  await expect(dialog).toContainText('It cannot be undone.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Confirm appointment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Confirmed:' })).toContainText(
    `${name} is scheduled`,
  );
  await expect(page.getByRole('button', { name: `Confirm ${name}’s request` })).toHaveCount(0);
  // focus went on to the next request's Confirm, not back to the top of the page (the payer's
  // request is waiting, and other journeys may have left one of Priya's before it)
  const focused = page.locator('main :focus');
  await expect(focused).toHaveText('Confirm');
  await expect(focused).toHaveAttribute('aria-label', /^Confirm .+’s request$/);
  await expectAccessible(page);

  // the row moved to Handled: confirmed, by whom, from where
  await openHandled(page);
  const handled = row(page, portalClient.last_name).first();
  await expect(handled).toContainText('Confirmed by Luis Romero');
  await expect(handled).toContainText('Client Portal');
  await expectAccessible(page);
  await page.getByLabel('Outcome').selectOption({ label: 'Declined' });
  await expect(row(page, portalClient.last_name)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Outcome').selectOption({ label: 'Confirmed' });
  await expect(row(page, portalClient.last_name)).toHaveCount(1);
  await screenshot(page, 'handled');

  const email = await emailTo(
    portalClient.email,
    'Your appointment with Harborview Counseling Collective is confirmed',
  );
  expect(email.text).toContain('is confirmed for');
  // the client is now an active client of the clinic
  const { anonKey } = await apiKeys(localJwtSecret);
  const scheduler = createClient(api(), anonKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  await scheduler.auth.signInWithPassword({ email: demo.scheduler, password: 'referral-demo' });
  const { data: client } = await scheduler
    .from('clients')
    .select('status')
    .eq('email', portalClient.email)
    .single();
  expect(client?.status).toBe('active');
  await signOut(page);
});

test('payer request: the therapist declines it with a reason; the client is told without it and the payer sees declined', async ({
  page,
}) => {
  await signIn(page, demo.therapist);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Unconfirmed Appointments/ })
    .click();
  const name = `${payerClient.first_name} ${payerClient.last_name}`;
  await expect(row(page, payerClient.last_name).first()).toContainText('Priya Raman');
  await page.getByRole('button', { name: `Decline ${name}’s request` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Decline ${name}’s request?` });
  await dialog.getByRole('button', { name: 'Decline request' }).click();
  await expect(dialog.getByText('Choose a reason for declining.')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Reason').selectOption({ label: 'Not a clinical fit' });
  await dialog.getByRole('button', { name: 'Decline request' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Declined:' })).toBeVisible();
  // focus moves on: to the next request's Confirm, or to the sentence saying none is left (other
  // journeys may have left a request of Priya's waiting)
  await expect(page.locator('main :focus')).toHaveText(/^(Confirm|No requests are waiting for an answer\.)$/);
  await expectAccessible(page);
  await screenshot(page, 'unconfirmed-empty');
  // the therapist's own history, with the internal reason
  await openHandled(page);
  await expect(row(page, payerClient.last_name).first()).toContainText('Not a clinical fit');
  await expect(row(page, portalClient.last_name).first()).toContainText('Confirmed by Luis Romero');

  const email = await emailTo(payerClient.email);
  expect(email.subject).toBe('Harborview Counseling Collective could not accept your appointment request');
  expect(email.text).not.toMatch(/clinical fit|Aetna/i);
  const status = await (
    await fetch(`${api()}/functions/v1/payer-api/referral-requests/${payerRequestId}`, {
      headers: { authorization: `Bearer ${payerKey}` },
    })
  ).json();
  expect(status.status).toBe('declined');
  await signOut(page);
});

test('an expired request disappears from the queue', async ({ page }) => {
  const { anonKey, serviceRoleKey } = await apiKeys(localJwtSecret);
  const { id, starts } = await priyaSlots();
  const lastName = `Expiring${run}`;
  const created = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests`, {
    method: 'POST',
    headers: {
      apikey: anonKey,
      authorization: `Bearer ${anonKey}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      therapist_id: id,
      slot_start: starts[0],
      first_name: 'Keiko',
      last_name: lastName,
      email: `keiko.${run}@example.org`,
      phone: '617-555-0100',
      date_of_birth: '1984-09-09',
      session_format: 'in_person',
    }),
  });
  expect(created.status).toBe(201);
  const requestId = (await created.json()).id;
  await confirmFromInbox(`keiko.${run}@example.org`);

  await signIn(page, demo.scheduler);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Unconfirmed Appointments/ })
    .click();
  await expect(row(page, lastName)).toHaveCount(1);

  // its 48 hours run out (moved into the past as the platform); the scheduler's job expires it
  const service = createClient(api(), serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await service
    .from('referral_requests')
    .update({ expires_at: new Date(Date.now() - 60_000).toISOString() })
    .eq('id', requestId);
  expect(error).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unconfirmed Appointments' })).toBeVisible();
  await expect(row(page, lastName)).toHaveCount(0);
  await expect(async () => {
    const { data } = await service.from('referral_requests').select('status').eq('id', requestId).single();
    expect(data?.status).toBe('expired');
  }).toPass({ timeout: 10_000 });
  await signOut(page);
});

test.describe('at a phone’s size', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a request confirmed with the keyboard moves to Handled; both tabs fit the window', async ({
    page,
  }) => {
    const { anonKey } = await apiKeys(localJwtSecret);
    const { id, starts } = await priyaSlots();
    const lastName = `Phone${run}`;
    const email = `sam.${run}@example.org`;
    const created = await fetch(`${api()}/functions/v1/client-portal/clinics/harborview/requests`, {
      method: 'POST',
      headers: {
        apikey: anonKey,
        authorization: `Bearer ${anonKey}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        therapist_id: id,
        slot_start: starts[0],
        first_name: 'Sam',
        last_name: lastName,
        email,
        phone: '617-555-0101',
        date_of_birth: '1979-11-30',
        session_format: 'in_person',
      }),
    });
    expect(created.status).toBe(201);
    await confirmFromInbox(email);

    await signIn(page, demo.scheduler);
    await page.goto('/schedule/unconfirmed-appointments');
    const fits = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await expectAccessible(page);
    };
    await expect(row(page, lastName).first()).toBeVisible();
    await fits();
    await screenshot(page, 'unconfirmed-with-requests');

    await page.getByRole('button', { name: `Confirm Sam ${lastName}’s request` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Confirm Sam ${lastName}’s request?` });
    await dialog.getByRole('button', { name: 'Confirm appointment' }).focus();
    await page.keyboard.press('Enter');
    // focus moves on: to the next request's Confirm, or to the sentence saying none is left
    await expect(page.locator('main :focus')).toHaveText(
      /^(Confirm|No requests are waiting for an answer\.)$/,
    );
    await fits();

    await openHandled(page);
    await expect(row(page, lastName).first()).toContainText('Confirmed by Luis Romero');
    await fits();
    await screenshot(page, 'handled');
    await signOut(page);
  });
});
