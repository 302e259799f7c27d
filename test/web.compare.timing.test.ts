import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The comparison's performance budget, measured with the browser's own clock. This file runs in the "timing" project,
// after every other suite has finished (vitest.config.ts), so nothing else competes for the two cores.

const EU27 = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const matrix = (page: Page) => page.getByRole('region', { name: /procedures in force on .*, by dimension and jurisdiction$/ });
const waitForMatrix = (page: Page, columns: number) => expect.poll(() => matrix(page).locator('thead th[data-code]').count(), { timeout: 60_000 }).toBe(columns);

describe.skipIf(NO_CHROMIUM)(`comparison timing ${NO_CHROMIUM ?? ''}`, { timeout: 120_000 }, () => {
  it('renders a comparison of the 27 member states within 1.5 s of navigating to its URL', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    // Warm the browser's cache of the console's files as a returning member's would be; the data is fetched anew.
    const warm = await context.newPage();
    await warm.goto('/compare');
    await warm.locator('[data-testid=europe-map]').waitFor();
    await warm.close();
    await context.addInitScript(() => {
      // performance.now() counts from navigation start: note when the matrix's last (27th) column enters the DOM.
      new MutationObserver((_, observer) => {
        if (document.querySelector('.compare-matrix th[data-column="26"]')) {
          (window as unknown as { matrixAt: number }).matrixAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`/compare?topic=MONITORING&j=${EU27.join(',')}`);
    await waitForMatrix(page, 27);
    const renderedAt = await page.evaluate(() => (window as unknown as { matrixAt: number }).matrixAt);
    const timeline = await page.evaluate(() => [
      ...performance.getEntriesByType('navigation').map((e) => `document ${(e as PerformanceNavigationTiming).responseEnd.toFixed(0)}`),
      ...performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^.*\//, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`),
    ].join(', '));
    console.info(`27-jurisdiction comparison rendered ${renderedAt.toFixed(0)} ms after navigation start (${timeline})`);
    const region = matrix(page);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectAccessible(page, 'the 27-jurisdiction comparison');
    await screenshot(page, 'compare-27');
    expect(errors()).toEqual([]);
    expect(renderedAt).toBeLessThanOrEqual(1500);
    await context.close();
  });
});
