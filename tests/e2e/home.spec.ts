/**
 * Each role's home page is its to-do list, on the demo clinics: the admin's incomplete profiles and
 * requests close to expiry, the scheduler's pending requests by urgency, a therapist's profile,
 * requests and open external time, and the clinic without the program told what it is.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { localJwtSecret } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import { demo, expectAccessible, signIn, signOut } from './support/app.ts';

test.describe.configure({ mode: 'serial' });

const run = randomUUID().slice(0, 8);
const client = { first_name: 'Noor', last_name: `Urgent${run}` };
let service: SupabaseClient;
let requestId: string;

const section = (page: Page, title: string) => page.getByRole('region', { name: title });

test.beforeAll(async () => {
  const { serviceRoleKey } = await apiKeys(localJwtSecret);
  service = createClient(process.env.CRP_TEST_API_URL!, serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as never },
  });
  // a pending request for Priya that the clinic has 3 hours left to answer (as if it came in 45
  // hours ago); its time lies outside her open hours, so it takes no slot another journey offers
  const { data: priya } = await service
    .from('staff_members')
    .select('id, org_id')
    .eq('email', demo.therapist)
    .single();
  const start = new Date(Date.now() + 40 * 86_400_000);
  start.setUTCHours(3, 0, 0, 0);
  const { data, error } = await service
    .from('referral_requests')
    .insert({
      org_id: priya!.org_id,
      therapist_id: priya!.id,
      slot: `[${start.toISOString()},${new Date(start.getTime() + 3_600_000).toISOString()})`,
      source: 'client_portal',
      ...client,
      email: `noor.${run}@example.org`,
      phone: '617-555-0190',
      date_of_birth: '1988-06-01',
      expires_at: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      idempotency_key: `home-${run}`,
    })
    .select('id')
    .single();
  if (error) throw error;
  requestId = data.id;
});

test.afterAll(async () => {
  if (!requestId) return;
  const { error } = await service.from('referral_requests').delete().eq('id', requestId);
  if (error) throw error;
});

test('an org admin’s home lists the incomplete profiles and the request about to expire', async ({
  page,
}) => {
  await signIn(page, demo.orgAdmin);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Maya' })).toBeVisible();

  const profiles = section(page, 'Therapists with incomplete profiles');
  // the seed: Jordan saved a draft, Sofia has not started
  await expect(profiles.getByRole('listitem').filter({ hasText: 'Jordan Ellis' })).toContainText('Missing:');
  await expect(profiles.getByRole('listitem').filter({ hasText: 'Sofia Marquez' })).toContainText(
    'Not started',
  );
  await expect(profiles).not.toContainText('Priya Raman');

  const expiring = section(page, 'Requests close to expiry');
  await expect(expiring.getByRole('listitem').filter({ hasText: client.last_name })).toContainText(
    /Soon: [23] hours? \d+ minutes? left/,
  );
  await expectAccessible(page);

  await profiles.getByRole('link', { name: 'Jordan Ellis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Jordan Ellis/ })).toBeVisible();
  await signOut(page);
});

test('a scheduler’s home puts the most urgent request first and leads to the queue', async ({ page }) => {
  await signIn(page, demo.scheduler);
  const pending = section(page, 'Pending requests by urgency');
  await expect(pending.getByRole('listitem').first()).toContainText(client.last_name);
  await expect(pending.getByRole('listitem').first()).toContainText('With Priya Raman');
  await expectAccessible(page);
  await pending.getByRole('link', { name: 'Answer them in Unconfirmed Appointments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unconfirmed Appointments' })).toBeVisible();
  await signOut(page);
});

test('a therapist’s home: profile submitted, her pending request, external time open', async ({ page }) => {
  await signIn(page, demo.therapist);
  await expect(section(page, 'Your public profile')).toContainText('All done: your profile was submitted');
  // other journeys may have left requests of hers waiting too
  await expect(
    section(page, 'Your pending requests').getByRole('listitem').filter({ hasText: client.last_name }),
  ).toContainText('Soon:');
  await expect(section(page, 'Time open to external requests')).toContainText(
    /All done: \d+ open blocks? of your calendar accepts? external appointments\./,
  );
  await expectAccessible(page);
  await signOut(page);
});

test('a therapist without external time is told no request can reach them', async ({ page }) => {
  await signIn(page, 'jordan.ellis@harborviewcounseling.com');
  await expect(section(page, 'Your public profile')).toContainText('required fields still missing');
  await expect(section(page, 'Your pending requests')).toContainText(
    'All done: no request is waiting for your answer.',
  );
  const external = section(page, 'Time open to external requests');
  await expect(external).toContainText(
    'No request can reach you: none of your open calendar blocks accepts external appointments.',
  );
  await expectAccessible(page);
  await external.getByRole('link', { name: 'Open your calendar' }).click();
  await expect(page).toHaveURL(/\/schedule\/calendar$/);
  await signOut(page);
});

test('the admin of a clinic without the program learns what it is and how it is turned on', async ({
  page,
}) => {
  await signIn(page, demo.otherOrgAdmin);
  const about = section(page, 'The Client Referral Program is not available to your clinic yet.');
  await expect(about.getByRole('heading', { name: 'How it is turned on' })).toBeVisible();
  await expect(about).toContainText('turns it on for Cedar Ridge Family Therapy');
  await expect(page.getByRole('region', { name: 'Your public profile' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/organization/subscription/referral-program');
  await expect(page.getByRole('heading', { name: 'What the program does' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});
