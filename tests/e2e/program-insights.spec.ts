/**
 * Program insights in the browser, at a desktop's size and a phone's: an org admin opens
 * Manage Subscription › Insights on a clinic with a recent history, reads a chart as a table,
 * downloads its CSV, is refused a reversed range, sees an empty period explained and a failed
 * load with a way to retry; a therapist sees their own figures on the home page. Every state is
 * axe-checked, fits the window, and is photographed when CRP_SCREENSHOT_DIR is set.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import { demo, expectAccessible, openFromNavigation, signIn, signOut } from './support/app.ts';

test.describe.configure({ mode: 'serial' });

const run = randomUUID().slice(0, 8);
const made = { requests: [] as string[], appointments: [] as string[], clients: [] as string[] };
let service: SupabaseClient;

const day = 86_400_000;
const hour = 3_600_000;

/**
 * Forty requests over the last twelve weeks at Harborview, for Priya and Sofia, from two payers and
 * the client portal, confirmed, declined, expired and withdrawn, answered after 1 to 46 hours.
 * Their slots lie in the past, so no other journey's open time is taken.
 */
async function makeHistory() {
  const { data: staff } = await service
    .from('staff_members')
    .select('id, org_id, email, default_location_id, user_id')
    .in('email', [demo.therapist, 'sofia.marquez@harborviewcounseling.com', demo.scheduler]);
  const priya = staff!.find((s) => s.email === demo.therapist)!;
  const sofia = staff!.find((s) => s.email !== demo.therapist && s.email !== demo.scheduler)!;
  const scheduler = staff!.find((s) => s.email === demo.scheduler)!;
  const { data: payers } = await service.from('payers').select('id').order('name').limit(2);
  const statuses = [
    'confirmed',
    'declined',
    'expired',
    'confirmed',
    'declined',
    'confirmed',
    'withdrawn',
  ] as const;
  const reasons = ['no_availability', 'not_a_clinical_fit', 'insurance_issue'];
  for (let i = 0; i < 40; i++) {
    const therapist = i % 3 === 2 ? sofia : priya;
    const arrived = new Date(Date.now() - (3 + i * 2) * day - (i % 5) * hour);
    const slotStart = new Date(
      Math.floor((arrived.getTime() + 3 * day) / hour) * hour + (i % 4) * 15 * 60_000,
    );
    const status = statuses[i % statuses.length]!;
    const decidedAt =
      status === 'confirmed' || status === 'declined'
        ? new Date(arrived.getTime() + (1 + ((i * 7) % 46)) * hour).toISOString()
        : null;
    const portal = i % 3 === 0;
    let appointmentId: string | null = null;
    if (status === 'confirmed') {
      const { data: client, error } = await service
        .from('clients')
        .insert({
          org_id: therapist.org_id,
          first_name: 'Insight',
          last_name: `Client${i}`,
          email: `insight.${run}.${i}@example.org`,
          date_of_birth: '1990-01-01',
        })
        .select('id')
        .single();
      if (error) throw error;
      made.clients.push(client.id);
      const { data: appointment, error: appointmentError } = await service
        .from('appointments')
        .insert({
          org_id: therapist.org_id,
          staff_id: therapist.id,
          client_id: client.id,
          location_id: therapist.default_location_id,
          during: `[${slotStart.toISOString()},${new Date(slotStart.getTime() + hour).toISOString()})`,
        })
        .select('id')
        .single();
      if (appointmentError) throw appointmentError;
      made.appointments.push(appointment.id);
      appointmentId = appointment.id;
    }
    const { data, error } = await service
      .from('referral_requests')
      .insert({
        org_id: therapist.org_id,
        therapist_id: therapist.id,
        location_id: therapist.default_location_id,
        slot: `[${slotStart.toISOString()},${new Date(slotStart.getTime() + hour).toISOString()})`,
        source: portal ? 'client_portal' : 'payer',
        payer_id: portal ? null : payers![i % 2]!.id,
        first_name: 'Insight',
        last_name: `Client${i}`,
        email: `insight.${run}.${i}@example.org`,
        phone: '617-555-0190',
        date_of_birth: '1990-01-01',
        status,
        created_at: new Date(arrived.getTime() - (portal ? 10 * 60_000 : 0)).toISOString(),
        verified_at: portal ? arrived.toISOString() : null,
        expires_at: new Date(arrived.getTime() + 48 * hour).toISOString(),
        decided_at: decidedAt,
        decided_by: decidedAt ? scheduler.user_id : null,
        decline_reason: status === 'declined' ? reasons[i % reasons.length] : null,
        withdrawn_at: status === 'withdrawn' ? new Date(arrived.getTime() + 5 * hour).toISOString() : null,
        withdrawn_reason: status === 'withdrawn' ? 'therapist_unavailable' : null,
        appointment_id: appointmentId,
        idempotency_key: `insights-${run}-${i}`,
      })
      .select('id')
      .single();
    if (error) throw error;
    made.requests.push(data.id);
  }
}

test.beforeAll(async () => {
  const { serviceRoleKey } = await apiKeys(localJwtSecret);
  service = createClient(process.env.CRP_TEST_API_URL!, serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  await makeHistory();
});

test.afterAll(async () => {
  if (made.requests.length) await service.from('referral_requests').delete().in('id', made.requests);
  if (made.appointments.length) await service.from('appointments').delete().in('id', made.appointments);
  if (made.clients.length) await service.from('clients').delete().in('id', made.clients);
});

/** No sideways scrolling, axe-clean, and a screenshot when asked. */
async function check(page: Page, name: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page);
  const dir = process.env.CRP_SCREENSHOT_DIR;
  if (dir) {
    const size = (page.viewportSize()?.width ?? 0) < 700 ? 'phone' : 'desktop';
    await page.screenshot({ path: path.join(dir, `${size}-${name}.png`), fullPage: true });
  }
}

const settled = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);

for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('an org admin reads the clinic’s figures as charts, tables and CSV', async ({ page }) => {
      await signIn(page, demo.orgAdmin);
      await openFromNavigation(page, 'Manage Subscription');
      await page.getByRole('link', { name: 'Insights' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Program insights' })).toBeVisible();
      await settled(page);
      const weekly = page.getByRole('region', { name: 'Requests per week by source', exact: true });
      await expect(weekly).toContainText(/\d+ requests over 1[34] weeks/);
      const requests = Number((await page.getByRole('definition').first().innerText()).replace(/[^\d]/g, ''));
      expect(requests).toBeGreaterThanOrEqual(40);
      await expect(page.getByRole('region', { name: 'Time to decision', exact: true })).toContainText(
        /Median [\d.]+ h, 90th percentile [\d.]+ h/,
      );
      await expect(
        page
          .getByRole('region', { name: 'Per therapist', exact: true })
          .getByRole('rowheader', { name: 'Raman, Priya' }),
      ).toBeVisible();
      await check(page, 'insights-data');

      await weekly.getByRole('button', { name: /Show as table/ }).click();
      const table = weekly.getByRole('table', { name: 'Requests per week by source, as a table' });
      await expect(table).toBeVisible();
      // a week per row (on a phone, a card per week)
      await expect(table.getByRole('rowheader').first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}$/);
      await expect(table.getByRole('rowheader').first()).toBeVisible();
      await check(page, 'insights-table');

      const download = page.waitForEvent('download');
      await weekly.getByRole('button', { name: /Download CSV/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(
        /^requests-per-week-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const csv = await readFile((await file.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toMatch(/^Week of,.*Client Portal.*,Total$/);

      await page.getByRole('combobox', { name: /Period/ }).selectOption('custom');
      await page.getByLabel('First day').fill('2026-03-10');
      await page.getByLabel('Last day').fill('2026-03-01');
      await expect(page.getByText(/The period ends before it starts/)).toBeVisible();

      await page.getByLabel('First day').fill('2020-01-01');
      await page.getByLabel('Last day').fill('2020-01-31');
      await expect(page.getByText('No requests arrived in this period')).toBeVisible();
      await check(page, 'insights-empty');

      await page.route('**/rest/v1/rpc/program_insights', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ message: 'The database is not answering.' }),
        }),
      );
      await page.getByLabel('Last day').fill('2020-02-29');
      const alert = page.getByRole('alert').filter({ hasText: 'The figures could not be loaded' });
      await expect(alert).toBeVisible();
      await check(page, 'insights-error');
      await page.unroute('**/rest/v1/rpc/program_insights');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect(page.getByText('No requests arrived in this period')).toBeVisible();
      await signOut(page);
    });

    test('a therapist sees their own figures on the home page', async ({ page }) => {
      await signIn(page, demo.therapist);
      const figures = page.getByRole('region', { name: 'Your referral figures', exact: true });
      await expect(
        figures.getByRole('region', { name: 'Requests per week by source', exact: true }),
      ).toBeVisible();
      await expect(figures.getByRole('combobox', { name: 'Therapist' })).toHaveCount(0);
      // Priya's share of the history only: Sofia is never named
      await expect(figures.getByRole('region', { name: 'Per payer and source', exact: true })).toBeVisible();
      await expect(figures).not.toContainText('Marquez');
      await settled(page);
      await check(page, 'insights-therapist-home');
      await signOut(page);
    });
  });
}
