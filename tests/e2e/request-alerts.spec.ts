/**
 * Alert on arrival: a prospective client's request reaches the clinic's scheduler as an email in
 * the dev inbox (no client details in it), and its link opens the Unconfirmed Appointments queue.
 */
import { expect, test, type Browser } from '@playwright/test';
import { demo, expectAccessible, signIn } from './support/app.ts';

interface InboxMessage {
  id: string;
  subject: string;
  text: string;
}

const inbox = async (address: string): Promise<InboxMessage[]> =>
  (await (
    await fetch(`${process.env.CRP_TEST_INBOX_URL}/api/messages?to=${encodeURIComponent(address)}`)
  ).json()) as InboxMessage[];

/** The first email to `address` with this subject that was not in `seen`. */
async function newEmailTo(address: string, subject: RegExp, seen: Set<string>): Promise<InboxMessage> {
  for (let i = 0; i < 80; i++) {
    const match = (await inbox(address)).find((m) => !seen.has(m.id) && subject.test(m.subject));
    if (match) return match;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no new email ${subject} to ${address}`);
}

/** A client asks for one of Priya's open times on the public page and confirms from the email link. */
async function clientRequestsAndConfirms(browser: Browser, lastName: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `alert-${Date.now()}@example.com`;
  await page.goto('/request/harborview');
  await page.getByRole('list', { name: 'Next open times with Priya Raman' }).getByRole('link').last().click();
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Phone').fill('(617) 555-0177');
  await page.getByLabel('Date of birth').fill('1988-02-03');
  await page.getByLabel('In person at Back Bay Office').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email to confirm your request' })).toBeVisible();
  const verification = await newEmailTo(email, /^Confirm your appointment request/, new Set());
  const link = /(https?:\/\/\S+\/request\/harborview\/verify#token=[A-Za-z0-9_-]{43})/.exec(
    verification.text,
  )?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Request sent to Harborview Counseling Collective' }),
  ).toBeVisible();
  await context.close();
}

test('a client-portal request emails the scheduler, and the email’s link opens the queue', async ({
  page,
  browser,
}) => {
  const lastName = `Alertson${Date.now().toString(36)}`;
  const seen = new Set((await inbox(demo.scheduler)).map((m) => m.id));

  await clientRequestsAndConfirms(browser, lastName);

  const alert = await newEmailTo(
    demo.scheduler,
    /^Harborview Counseling Collective: new referral request for Priya$/,
    seen,
  );
  // no client details: not their name, not their email
  expect(alert.text).not.toContain(lastName);
  expect(alert.text).not.toContain('Robin');
  const link = /(https?:\/\/\S+\/schedule\/unconfirmed-appointments)\b/.exec(alert.text)?.[1];
  expect(link).toBeTruthy();

  await signIn(page, demo.scheduler);
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Unconfirmed Appointments' })).toBeVisible();
  await expect(page.getByText(new RegExp(`Robin ${lastName}`)).first()).toBeVisible();
  // the tab and the navigation count what waits
  await expect(page).toHaveTitle(/^\(\d+\) Unconfirmed Appointments · /);
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Unconfirmed Appointments \(\d+ pending\)/ }),
  ).toBeVisible();
  await expectAccessible(page);
});
