import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { proceduresSeed } from '../seeds/procedures.ts';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import { amendProvisionAsReviewer } from './support/amendment.ts';
import type { TestPlatform } from './support/platform.ts';

// Home: an anonymous visitor's welcome; a member's recent procedure versions, what needs review in their
// jurisdiction and their open training — each member seeing only what the API lets them see.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const seeded = (id: string) => proceduresSeed.procedures.find((p) => p.id === id)!;
const titleOf = (id: string) => [...seeded(id).versions].reverse().find((v) => v.status !== 'DRAFT')!.title;
/** Cited by Catalonia's monitoring (LEA) and investigation (MANAGEMENT) procedures. */
const PROVISION = 'eu-2016-680-art-25';

/** Pages load slowly on a shared machine: wait for what a person would wait for, without a tight budget. */
const WAIT = { timeout: 30_000 };

const recent = (page: Page) => page.getByTestId('recent-versions').getByRole('link');
const reviewPanel = (page: Page) => page.getByRole('region', { name: /^Needs review in/ });
const trainingPanel = (page: Page) => page.getByRole('region', { name: 'Your open training' });

async function openHome(page: Page) {
  await page.goto('/');
  await expect.poll(() => page.getByTestId('recent-versions').count(), WAIT).toBe(1);
  await expect.poll(() => trainingPanel(page).getByRole('status').count(), WAIT).toBe(0);
  await expect.poll(() => reviewPanel(page).getByRole('status').count(), WAIT).toBe(0);
}

describe.skipIf(NO_CHROMIUM)(`home ${NO_CHROMIUM ?? ''}`, () => {
  it('welcomes an anonymous visitor: what the platform is, where to start, and an invitation to sign in', async () => {
    const context = await memberContext(browser, platform, null);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toMatch(/^Eunomia/);
    const main = page.getByRole('main');
    expect(await main.getByRole('link', { name: 'Search the platform' }).getAttribute('href')).toBe('/search');
    expect(await main.getByRole('link', { name: 'Compare procedures' }).getAttribute('href')).toBe('/compare');
    expect(await main.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(await page.getByRole('heading', { name: 'Recently published procedure versions' }).count()).toBe(0);
    expect(await page.title()).toBe('Home · Eunomia');
    await expectAccessible(page, 'the home page, anonymous');
    await screenshot(page, 'home-anonymous');
    expect(errors()).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows a partner the newest versions of what partners may read, and no training or review of their own', async () => {
    const context = await memberContext(browser, platform, 'demo-partner');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openHome(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back, Sam Moreau (demo)');
    const titles = await recent(page).allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    // Members-tier procedures yes; law-enforcement and management ones never.
    expect(titles).toContain(titleOf('proc-fr-monitoring'));
    for (const hidden of ['proc-es-ct-monitoring', 'proc-nl-monitoring', 'proc-es-ct-investigation']) expect(titles).not.toContain(titleOf(hidden));
    expect(await reviewPanel(page).textContent()).toContain('Nothing in European Union needs review.');
    expect(await trainingPanel(page).textContent()).toContain('You have no open training assignments.');
    await expectAccessible(page, 'the home page, partner');
    expect(errors()).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows a manager newer law-enforcement versions, their open training, and what needs review once a cited provision is amended', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openHome(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back, Jordi Ferrer (demo)');

    // Newest first: the manager sees law-enforcement versions a partner does not (NL 2026-01, Catalonia v3 2025-09).
    const titles = await recent(page).allTextContents();
    expect(titles.indexOf(titleOf('proc-nl-monitoring'))).toBe(0);
    expect(titles).toContain(titleOf('proc-es-ct-monitoring'));
    expect(await recent(page).filter({ hasText: titleOf('proc-es-ct-monitoring') }).getAttribute('href')).toBe('/procedures/proc-es-ct-monitoring');

    // Training: the seeded open assignment, with the course title, due date and status the API gives.
    const mine = await platform.query<{ myAssignments: { status: string; overdue: boolean }[] }>('{ myAssignments { status overdue } }', {}, 'demo-manager-es');
    const open = mine.data!.myAssignments.filter((a) => !['COMPLETED', 'CANCELLED'].includes(a.status));
    expect(open).toHaveLength(1);
    const row = trainingPanel(page).getByRole('row', { name: /Social media and public security/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['30 Sept 2026', open[0]!.overdue ? 'Overdue' : 'Not started']);
    expect(await trainingPanel(page).getByRole('row').count()).toBe(2);

    const heading = reviewPanel(page).getByRole('heading');
    expect(await heading.textContent()).toBe('Needs review in Catalonia');
    expect(await reviewPanel(page).textContent()).toContain('Nothing in Catalonia needs review.');
    await expectAccessible(page, 'the home page, manager, nothing to review');

    // A reviewer amends a provision Catalonia's procedures cite; the platform marks them NEEDS_REVIEW.
    const amended = await amendProvisionAsReviewer(platform, PROVISION);
    expect(amended.errors).toBeUndefined();
    const expected = [titleOf('proc-es-ct-investigation'), titleOf('proc-es-ct-monitoring')].sort((a, b) => a.localeCompare(b));
    await expect.poll(async () => {
      await openHome(page);
      return page.getByTestId('needs-review').getByRole('link').allTextContents();
    }, { timeout: 90_000, interval: 500 }).toEqual(expected);
    expect(await page.getByTestId('needs-review').getByText('Needs review').count()).toBe(2);
    await expectAccessible(page, 'the home page, manager, procedures to review');
    await screenshot(page, 'home-manager');
    expect(errors()).toEqual([]);
    await context.close();

    // A practitioner of the same force is not told about the management-only procedure.
    const practitioner = await memberContext(browser, platform, 'demo-practitioner-es');
    const p = await practitioner.newPage();
    await openHome(p);
    await expect.poll(() => p.getByTestId('needs-review').getByRole('link').allTextContents(), WAIT).toEqual([titleOf('proc-es-ct-monitoring')]);
    // Their only assignment was completed, but the course teaches the procedure just marked for review: the API now
    // says a refresher is due, and home lists it as training to do.
    const refresher = trainingPanel(p).getByRole('row', { name: /Legal limits of monitoring/ });
    expect(await refresher.getByRole('cell').last().textContent()).toBe('Refresher due');
    await expectAccessible(p, 'the home page, practitioner with a refresher due');
    await practitioner.close();
  }, 180_000);

  it('shows loading, then a sentence and a retry when the platform cannot answer', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let failing = true;
    await page.route('**/graphql', async (route) => {
      const op = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (op === 'HomeRecentVersions' && failing) {
        await held;
        return route.abort('failed');
      }
      return route.continue();
    });
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'Recently published procedure versions' });
    await expect.poll(() => panel.getByRole('status').textContent(), WAIT).toBe('Loading…');
    await expect.poll(() => trainingPanel(page).getByRole('table').count(), WAIT).toBe(1);
    await expectAccessible(page, 'the home page while loading');
    release();
    await expect.poll(() => panel.getByRole('alert').textContent(), WAIT).toContain('The platform cannot be reached.');
    await expectAccessible(page, 'the home page with an error');
    failing = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByTestId('recent-versions').count(), WAIT).toBe(1);
    await context.close();
  }, 180_000);

  it('works on a phone-sized screen', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es', PHONE);
    const page = await context.newPage();
    await openHome(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the home page on a phone');
    await screenshot(page, 'home-phone');
    await context.close();
  }, 180_000);
});
