/** The app shell in a real browser against the real stack: each role's navigation, refused routes, sign out. */
import { expect, test } from '@playwright/test';
import { demo, expectAccessible, navLinks, signIn, signOut } from './support/app.ts';

test('the sign-in page refuses a wrong password with the server’s message', async ({ page }) => {
  await page.goto('/sign-in');
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(demo.orgAdmin);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid login credentials');
  await expectAccessible(page);
});

test('an org admin sees every area, and the program tab for their clinic', async ({ page }) => {
  await signIn(page, demo.orgAdmin);
  expect(await navLinks(page)).toEqual([
    'Manage Subscription',
    'Active Staff Members',
    'Notification Settings',
    'Calendar',
    'Unconfirmed Appointments',
  ]);
  await expectAccessible(page);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Manage Subscription' }).click();
  await page.getByRole('link', { name: 'Client Referral Program' }).click();
  await expect(page.getByRole('heading', { name: 'Client Referral Program' })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Active Staff Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Active Staff Members' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Raman/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /Raman/ }).first().click();
  await page.getByRole('link', { name: 'Public Profile' }).click();
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Unconfirmed Appointments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unconfirmed Appointments' })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test('a scheduler has no Organization area, and its route refuses them', async ({ page }) => {
  await signIn(page, demo.scheduler);
  expect(await navLinks(page)).toEqual([
    'Active Staff Members',
    'Notification Settings',
    'Calendar',
    'Unconfirmed Appointments',
  ]);
  await page.goto('/organization/subscription/referral-program');
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test('a therapist sees only their own profile and their requests', async ({ page }) => {
  await signIn(page, demo.therapist);
  expect(await navLinks(page)).toEqual([
    'My Profile',
    'Notification Settings',
    'Calendar',
    'Unconfirmed Appointments',
  ]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Priya Raman/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await signOut(page);
  // signed out, a protected page sends you to sign in
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('an admin of a clinic without the program is told it is not available yet', async ({ page }) => {
  await signIn(page, demo.otherOrgAdmin);
  await page.goto('/organization/subscription/referral-program');
  await expect(
    page.getByText('The Client Referral Program is not available to your clinic yet.'),
  ).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});
