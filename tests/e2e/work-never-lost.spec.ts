/**
 * The Public Profile keeps what was typed: a draft in the browser that comes back after a reload or
 * an expired session (with a way to discard it), a warning before leaving with unsaved changes, and
 * nothing left behind after a deliberate sign-out.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut } from './support/app.ts';

const typed = 'MSW, Boston College (typed, not saved)';

async function openMyPublicProfile(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Profile' }).click();
  await page
    .getByRole('navigation', { name: 'Staff member sections' })
    .getByRole('link', { name: 'Public Profile' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Public Profile' })).toBeVisible();
}

/** Waits until the form's draft is in the browser's storage. */
async function draftWritten(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('crp:draft:')).length),
    )
    .toBe(1);
}

test('a reload keeps unsaved profile changes, after the browser’s own warning', async ({ page }) => {
  await signIn(page, demo.therapist);
  await openMyPublicProfile(page);
  const education = page.getByLabel('Education');
  const saved = await education.inputValue();
  await education.fill(typed);
  await draftWritten(page);

  const warnings: string[] = [];
  page.once('dialog', (dialog) => {
    warnings.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(warnings).toEqual(['beforeunload']);

  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(page.getByLabel('Education')).toHaveValue(typed);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Discard restored changes' }).click();
  await expect(page.getByLabel('Education')).toHaveValue(saved);
  await expect(page.getByText('Your unsaved changes were restored.')).toBeHidden();
  await page.reload();
  await expect(page.getByLabel('Education')).toHaveValue(saved);
  await expect(page.getByText('Your unsaved changes were restored.')).toBeHidden();
});

test('leaving the page with unsaved changes asks first', async ({ page }) => {
  await signIn(page, demo.therapist);
  await openMyPublicProfile(page);
  await page.getByLabel('Education').fill(typed);
  const calendar = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' });

  await calendar.click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Education')).toHaveValue(typed);

  await calendar.click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();

  // the draft came along: back on the profile, it is there
  await openMyPublicProfile(page);
  await expect(page.getByLabel('Education')).toHaveValue(typed);
  await page.getByRole('button', { name: 'Discard restored changes' }).click();
});

test('an expired session keeps the draft for the next sign-in; signing out forgets it', async ({ page }) => {
  await signIn(page, demo.therapist);
  await openMyPublicProfile(page);
  await page.getByLabel('Education').fill(typed);
  await draftWritten(page);

  // the session ends without a sign-out (as when it expires): its stored token disappears
  page.once('dialog', (dialog) => void dialog.accept());
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.endsWith('-auth-token')) localStorage.removeItem(key);
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // signing in again leads back to the profile, with the draft
  await signIn(page, demo.therapist);
  await expect(page.getByRole('heading', { level: 2, name: 'Public Profile' })).toBeVisible();
  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(page.getByLabel('Education')).toHaveValue(typed);

  await signOut(page);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('crp:draft:'))),
  ).toEqual([]);
  await signIn(page, demo.therapist);
  await openMyPublicProfile(page);
  await expect(page.getByText('Your unsaved changes were restored.')).toBeHidden();
});
