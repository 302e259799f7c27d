import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, memberContext, NO_CHROMIUM } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The console's first load stays small: every page is its own chunk, so opening one page fetches the shell and it.
// "Initial" is what the browser fetched before the page's content was first on screen (the console marks that
// moment, eunomia:page-shown); what a page fetches after it (the comparison's map and jurisdiction picker) is
// reported, not counted.

const BUDGET_BYTES = 200 * 1024;

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

describe.skipIf(NO_CHROMIUM)(`initial JavaScript ${NO_CHROMIUM ?? ''}`, () => {
  for (const [path, member] of [['/', 'demo-manager-es'], ['/search?q=monitoring', null], ['/compare', 'demo-manager-es']] as const) {
    it(`opening ${path} fetches at most 200 KB of gzipped JavaScript`, async () => {
      const context = await memberContext(browser, platform, member);
      const page = await context.newPage();
      await page.goto(path);
      // On a loaded machine the network may fall quiet before the page has even rendered: wait for it, then for quiet.
      await page.waitForFunction(() => performance.getEntriesByName('eunomia:page-shown').length > 0, undefined, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const { shownAt, scripts } = await page.evaluate(() => ({
        shownAt: performance.getEntriesByName('eunomia:page-shown')[0]?.startTime ?? null,
        scripts: performance.getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
          .map((e) => ({ name: e.name.replace(/^.*\/assets\//, ''), startTime: e.startTime, bytes: (e as PerformanceResourceTiming).encodedBodySize })),
      }));
      const initial = scripts.filter((s) => s.startTime < shownAt!);
      const later = scripts.filter((s) => s.startTime >= shownAt!);
      expect(initial.length).toBeGreaterThan(0);
      const total = initial.reduce((sum, s) => sum + s.bytes, 0);
      const listing = [...initial.map((s) => `${s.name}: ${s.bytes}`), '-- after the page was shown:', ...later.map((s) => `${s.name}: ${s.bytes}`)].join('\n');
      console.log(`${path}: ${total} bytes of JavaScript before the page was shown, ${later.reduce((sum, s) => sum + s.bytes, 0)} after`);
      expect(total, listing).toBeLessThanOrEqual(BUDGET_BYTES);
      await context.close();
    });
  }
});
