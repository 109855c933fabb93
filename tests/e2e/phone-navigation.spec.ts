/**
 * On a phone (390×844) the navigation is a menu: the first screen shows the page, the Menu button
 * opens and closes the navigation (Escape too, focus going back to the button).
 */
import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './support/app.ts';

test.use({ viewport: { width: 390, height: 844 } });

test('the first screen is the page; the navigation is a menu behind a button', async ({ page }) => {
  await signIn(page, demo.orgAdmin);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(nav).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole('link', { name: 'Active Staff Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Active Staff Members' })).toBeInViewport();
  await expect(nav).toBeHidden();
});

test('from 900 px the navigation is a sidebar and there is no Menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, demo.orgAdmin);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});
