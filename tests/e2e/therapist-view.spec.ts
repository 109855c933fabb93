/**
 * A therapist's own view of the calendar in a real browser: turning Accept External Appointments
 * on while the public profile is not submitted warns, in the dialog, that no request can reach the
 * block. With CRP_SCREENSHOT_DIR set, each size's dialog is saved there.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/app.ts';

// Jordan's seed profile is a draft (enrolled with Cigna and UnitedHealthcare, not yet listed); no
// other journey submits it (Sofia's is submitted by the public-profile journey)
const jordan = 'jordan.ellis@harborviewcounseling.com';
test.use({ timezoneId: 'America/Denver' });
test.describe.configure({ timeout: 180_000 });

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CRP_SCREENSHOT_DIR;
  if (!dir) return;
  const size = (page.viewportSize()?.width ?? 0) < 700 ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(dir, `${size}-${name}.png`), fullPage: true });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}px, turning Accept External Appointments on with an unsubmitted profile warns in the dialog`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, jordan);
    await page.goto('/schedule/calendar');
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    await expect(page.getByText('Loading the calendar…')).toHaveCount(0);
    await page.getByRole('button', { name: 'New availability block' }).click();
    const form = page.getByRole('dialog', { name: 'New availability block' });
    const toggle = form.getByRole('group', { name: 'Accept External Appointments' });
    await toggle.getByRole('radio', { name: 'Yes' }).check();
    const warning = form.getByRole('status');
    await expect(warning).toContainText('No request can reach this block yet');
    await expect(warning).toContainText('The public profile is not submitted');
    await expectAccessible(page);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'block-dialog-profile-warning');
    await toggle.getByRole('radio', { name: 'No' }).check();
    await expect(form.getByRole('status')).toHaveCount(0);
  });
}
