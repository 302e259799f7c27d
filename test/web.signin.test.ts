import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Signing in on the development sign-in page, the header that shows who you are, signing out, and a refused token.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

describe.skipIf(NO_CHROMIUM)(`sign-in ${NO_CHROMIUM ?? ''}`, () => {
  it('lists the demo members, signs in as the one chosen, shows them in the header, and signs out', async () => {
    const context = await memberContext(browser, platform, null);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/sign-in?next=%2Fcompare');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(10);
    const manager = page.getByRole('row', { name: /demo-manager-es/ });
    expect(await manager.getByRole('cell').allTextContents()).toEqual(["Mossos d'Esquadra – Police of the Generalitat of Catalonia", 'Manager', 'Editor', 'Sign in']);
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'sign-in');

    await manager.getByRole('button', { name: 'Sign in as Jordi Ferrer (demo)' }).click();
    await page.waitForURL('**/compare');
    const member = page.getByTestId('member');
    await expect.poll(() => member.textContent()).toMatch(/Mossos d'Esquadra.*Manager/);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('eunomia.session') ?? '{}').mode)).toBe('demo');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('eunomia.session'))).toBeNull();
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('sends a member whose token the gateway refuses back to sign-in, saying why', async () => {
    const context = await memberContext(browser, platform, null);
    await context.addInitScript(() => {
      sessionStorage.setItem('eunomia.session', JSON.stringify({ token: 'not-a-valid-token', expiresAt: Date.now() + 60_000, mode: 'demo' }));
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/sign-in?expired=1**');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your session ended' }).count()).toBe(1);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const context = await memberContext(browser, platform, 'demo-practitioner-es', PHONE);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect.poll(() => page.getByTestId('member').textContent()).toMatch(/Practitioner/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the sign-in page on a phone');
    await screenshot(page, 'sign-in-phone');
    await context.close();
  });
});
