import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestPlatform } from './platform.ts';
import type { TestPlatform } from './platform.ts';

// The console in a real browser: Debian's chromium driven by Playwright, against the real gateway and subgraphs.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Why browser suites are skipped on a machine without chromium (.ci/run installs it). */
export const NO_CHROMIUM = existsSync(CHROMIUM) ? null : `needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The seeded platform (real gateway and subgraphs) and a Chromium for one test file: started before its tests (not
 * at all without Chromium), stopped after them. `started` receives both; `env` gives configuration of its own; `jobs`
 * runs the job runner (schedules, e-mail), off by default.
 */
export function browserSuite(
  started: (suite: { platform: TestPlatform; browser: Browser }) => void, env?: Record<string, string>, opts: { jobs?: boolean } = {},
): void {
  let suite: { platform: TestPlatform; browser: Browser } | null = null;
  beforeAll(async () => {
    if (NO_CHROMIUM) return;
    const [platform, browser] = await Promise.all([startTestPlatform({ env, jobs: opts.jobs }), launchBrowser()]);
    suite = { platform, browser };
    started(suite);
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.platform.stop();
  });
}

/** The console's base URL (the gateway's, without /graphql). */
export const consoleUrl = (platform: TestPlatform) => platform.gatewayUrl.replace(/\/graphql$/, '');

/**
 * A browser context for one member (null: anonymous), already signed in the way the sign-in page leaves it (token in
 * this tab's sessionStorage). The sign-in page itself is tested through its buttons.
 */
export async function memberContext(
  browser: Browser, platform: TestPlatform, memberId: string | null, viewport = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: consoleUrl(platform), viewport, locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  if (memberId) {
    const token = await platform.token(memberId);
    await context.addInitScript(({ token, expiresAt }) => {
      if (!sessionStorage.getItem('eunomia.session')) sessionStorage.setItem('eunomia.session', JSON.stringify({ token, expiresAt, mode: 'demo' }));
    }, { token, expiresAt: Date.now() + 3_600_000 });
  }
  return context;
}

/** A page for one member (null: anonymous) opened at `path`, with what it logs or throws collected (collectPageErrors). */
export async function openPage(browser: Browser, platform: TestPlatform, memberId: string | null, path: string, viewport = DESKTOP) {
  const ctx = await memberContext(browser, platform, memberId, viewport);
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  await page.goto(path);
  return { ctx, page, errors };
}

/** Zero WCAG 2.1 AA violations on the page as it is now; the message names each violation and where. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `accessibility violations on ${what}`).toEqual([]);
}

/** Writes docs/screenshots/<name>.png (the whole page), for reviewers who do not run the tests. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Fails the test on any error the page logs or throws (a broken console must not pass quietly). */
export function collectPageErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return () => errors;
}
