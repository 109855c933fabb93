/** Shared steps of the browser journeys: sign in as a demo persona, and an axe check of a page. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'referral-demo';
export const demo = {
  orgAdmin: 'maya.okafor@harborviewcounseling.com',
  scheduler: 'luis.romero@harborviewcounseling.com',
  therapist: 'priya.raman@harborviewcounseling.com',
  otherOrgAdmin: 'grace.lindqvist@cedarridgetherapy.com',
} as const;

/** Fails with every axe violation on the page as it is now (WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

/** The labels of the main navigation's links, in order, without pending-count badges. */
export async function navLinks(page: Page): Promise<string[]> {
  const texts = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
  return texts.map((text) => text.replace(/\s*\d+\s*\(\d+ pending\)$/, '').trim());
}

/** Opens a page from the main navigation, through the Menu button where the window is phone-sized. */
export async function openFromNavigation(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}
