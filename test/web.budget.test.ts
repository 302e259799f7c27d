import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, memberContext, NO_CHROMIUM } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// The console's first load stays small: every page is its own chunk, so opening one page fetches the shell and it.

const BUDGET_BYTES = 200 * 1024;

let platform: TestPlatform;
let browser: Browser;
beforeAll(async () => {
  if (NO_CHROMIUM) return;
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe.skipIf(NO_CHROMIUM)(`initial JavaScript ${NO_CHROMIUM ?? ''}`, () => {
  for (const [path, member] of [['/', 'demo-manager-es'], ['/search?q=monitoring', null], ['/compare', 'demo-manager-es']] as const) {
    it(`opening ${path} fetches at most 200 KB of gzipped JavaScript`, async () => {
      const context = await memberContext(browser, platform, member);
      const page = await context.newPage();
      await page.goto(path, { waitUntil: 'networkidle' });
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).encodedBodySize })));
      expect(scripts.length).toBeGreaterThan(0);
      const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
      expect(total, scripts.map((s) => `${s.name.replace(/^.*\/assets\//, '')}: ${s.bytes}`).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
      await context.close();
    });
  }
});
