/**
 * Every page at a phone's size (390×844) and a desktop's (1440×900): nothing wider than the
 * window (no sideways scrolling), axe-clean, and the dialogs inside the window. With
 * CRP_SCREENSHOT_DIR set, a full-page screenshot of each page at each size lands there, named
 * <size>-<page>.png, to look at side by side.
 */
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, expectAccessible, openFromNavigation, signIn, signOut } from './support/app.ts';

const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** The page is no wider than its window, passes axe, and is photographed when asked. */
async function checkPage(page: Page, name: string): Promise<void> {
  const { scrollWidth, clientWidth, scrollHeight, contentHeight } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    scrollHeight: document.documentElement.scrollHeight,
    contentHeight: Math.max(
      Math.ceil(document.body.getBoundingClientRect().height),
      document.documentElement.clientHeight,
    ),
  }));
  expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  // nothing clipped inside a scrolling region (a table) stretches the page into empty space below
  expect(scrollHeight, `${name} scrolls past its content`).toBeLessThanOrEqual(contentHeight + 1);
  await expectAccessible(page);
  await screenshot(page, name);
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CRP_SCREENSHOT_DIR;
  if (!dir) return;
  const width = page.viewportSize()?.width ?? 0;
  const size = width < 700 ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(dir, `${size}-${name}.png`), fullPage: true });
}

/** The dialog lies wholly inside the window. */
async function expectInsideWindow(page: Page, dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  const window = page.viewportSize();
  expect(box).not.toBeNull();
  expect(window).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(window!.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(window!.height);
}

async function heading(page: Page, name: string | RegExp, level = 1): Promise<void> {
  await expect(page.getByRole('heading', { level, name, exact: typeof name === 'string' })).toBeVisible();
}

/** Waits until nothing on the page says it is still loading. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

for (const size of sizes) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the pages before sign-in fit the window', async ({ page }) => {
      await page.goto('/sign-in');
      await heading(page, 'Sign in');
      await checkPage(page, 'sign-in');

      await page.goto('/request/harborview');
      await heading(page, 'Therapists', 2);
      await settled(page);
      await checkPage(page, 'client-portal');

      // the request's other steps: a therapist's times, the details form, the sent step opened
      // from its address alone, and an unknown clinic link
      await page.getByRole('link', { name: 'All open times with Priya Raman' }).click();
      await heading(page, 'Open times with Priya Raman');
      await settled(page);
      await checkPage(page, 'client-portal-times');
      await page
        .getByRole('group', { name: 'Open times with Priya Raman' })
        .getByRole('link')
        .first()
        .click();
      await heading(page, 'Your appointment request', 2);
      await checkPage(page, 'client-portal-details');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByText('First name is required.')).toBeVisible();
      await checkPage(page, 'client-portal-details-errors');
      await page.goto('/request/harborview/sent');
      await heading(page, 'Check your email to confirm your request');
      await checkPage(page, 'client-portal-sent-without-details');
      await page.goto('/request/no-such-clinic');
      await heading(page, 'Page not found');
      await checkPage(page, 'client-portal-not-found');

      await page.goto('/request/harborview/verify?token=not-a-real-token');
      await expect(page.getByRole('button').or(page.getByRole('alert')).first()).toBeVisible();
      await checkPage(page, 'client-portal-verify');

      await page.goto('/request/cedar-ridge');
      await expect(page.getByText(/does not take|not taking|stopped taking|online/i).first()).toBeVisible();
      await checkPage(page, 'client-portal-without-program');
    });

    test('the payer API reference fits the window', async ({ page }) => {
      await page.goto('/developers/payer-api');
      await heading(page, 'Payer API reference');
      await expect(page.getByRole('heading', { level: 3, name: 'POST /referral-requests' })).toBeVisible();
      await checkPage(page, 'payer-api-reference');
    });

    test('an org admin’s pages and dialogs fit the window', async ({ page }) => {
      await signIn(page, demo.orgAdmin);
      await checkPage(page, 'admin-home');

      await page.goto('/staff');
      await heading(page, 'Active Staff Members');
      await expect(page.getByRole('link', { name: 'Priya Raman' })).toBeVisible();
      await checkPage(page, 'staff-list');

      await page.getByRole('link', { name: 'Priya Raman' }).click();
      await heading(page, /Priya Raman/);
      await checkPage(page, 'staff-overview');

      await page.getByRole('link', { name: 'Public Profile' }).click();
      await expect(page.getByRole('button', { name: /Save/ }).first()).toBeVisible();
      await settled(page);
      await checkPage(page, 'staff-public-profile');

      await page.goto('/organization/subscription/referral-program');
      await heading(page, 'Client Referral Program', 2);
      await expect(page.getByRole('table', { name: /Enrolled staff/ })).toBeVisible();
      await checkPage(page, 'program-grid');
      // the row actions are within reach, not off the side of the page
      const firstEdit = page.getByRole('button', { name: /^Edit payers for / }).first();
      await firstEdit.scrollIntoViewIfNeeded();
      const editBox = await firstEdit.boundingBox();
      expect(editBox!.x + editBox!.width).toBeLessThanOrEqual(size.width);

      await page.getByRole('button', { name: 'Add Staff' }).click();
      const addStaff = page.getByRole('dialog', { name: 'Add Staff' });
      await expect(addStaff.getByRole('combobox', { name: 'Staff' })).toBeVisible();
      await expectInsideWindow(page, addStaff);
      await checkPage(page, 'program-add-staff');
      await addStaff.getByRole('button', { name: 'Cancel' }).click();

      await page.goto('/schedule/calendar');
      await heading(page, 'Calendar');
      await settled(page);
      await checkPage(page, 'calendar');

      await page.goto('/schedule/unconfirmed-appointments');
      await heading(page, 'Unconfirmed Appointments');
      await settled(page);
      await checkPage(page, 'unconfirmed');

      await page.getByRole('link', { name: 'Handled' }).click();
      await expect(page.getByRole('link', { name: 'Handled' })).toHaveAttribute('aria-current', 'page');
      await settled(page);
      await checkPage(page, 'handled');
      await page.goto('/settings/notifications');
      await heading(page, 'Notification Settings');
      await settled(page);
      await checkPage(page, 'notification-settings');
      await page.getByRole('radio', { name: /A digest every few hours/ }).check();
      await expect(page.getByRole('spinbutton', { name: /Digest period/ })).toBeVisible();
      await checkPage(page, 'notification-settings-digest');
      await signOut(page);
    });

    test('the Insights tab fits the window', async ({ page }) => {
      await signIn(page, demo.orgAdmin);
      await page.goto('/organization/subscription/insights');
      await heading(page, 'Program insights', 2);
      await settled(page);
      await checkPage(page, 'program-insights');
      await signOut(page);
    });

    test('a therapist’s pages and the block dialog fit the window', async ({ page }) => {
      await signIn(page, demo.therapist);
      await checkPage(page, 'therapist-home');

      await openFromNavigation(page, 'My Profile');
      await heading(page, /Priya Raman/);
      await checkPage(page, 'therapist-my-profile');

      await page.goto('/schedule/calendar');
      await heading(page, 'Calendar');
      await settled(page);
      await page.getByRole('button', { name: 'New availability block' }).click();
      const form = page.getByRole('dialog', { name: 'New availability block' });
      await expect(form.getByRole('button', { name: 'Save block' })).toBeVisible();
      await expectInsideWindow(page, form);
      await checkPage(page, 'calendar-new-block');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await signOut(page);
    });

    test('a clinic without the program fits the window', async ({ page }) => {
      await signIn(page, demo.otherOrgAdmin);
      await page.goto('/organization/subscription/referral-program');
      await expect(
        page.getByText('The Client Referral Program is not available to your clinic yet.'),
      ).toBeVisible();
      await checkPage(page, 'program-not-enabled');
      await signOut(page);
    });
  });
}
