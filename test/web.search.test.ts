import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Search from the header box, facets, highlighted snippets, pages, the generic item page, and what each kind of
// member finds: the access differences come from the API, the console only shows them.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

/** The shared machine can be slow: wait for what a user would wait for, without timing it. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
const SLOW = 180_000;

/** "Online monitoring for radicalisation, …": an LEA-tier Spanish procedure that a partner must never find. */
const LEA_ONLY_TITLE = 'Online monitoring for radicalisation, hate crime and critical threats';

const summary = (page: Page) => page.locator('.search-summary');
const hitTitles = (page: Page) => page.locator('.search-hit-title').allTextContents();
async function waitForResults(page: Page): Promise<string> {
  await poll(() => summary(page).textContent()).toMatch(/results? for/);
  await poll(() => page.locator('.search-results[aria-busy="true"]').count()).toBe(0);
  return (await summary(page).textContent())!;
}
const totalOf = (text: string) => Number(/^(\d+) results? for/.exec(text)![1]);

/** The API's total for a query as a member, to compare what the page shows with what the gateway says. */
async function apiTotal(as: string | null, query: string, filter?: Record<string, unknown>): Promise<number> {
  const res = await platform.query<{ search: { total: number } }>(
    'query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f) { total } }', { q: query, f: filter ?? null }, as);
  return res.data!.search.total;
}

describe.skipIf(NO_CHROMIUM)(`search ${NO_CHROMIUM ?? ''}`, () => {
  it('searches from the header as a manager: highlights, facets that narrow with matching counts, a hit opens its page', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search Eunomia' }).fill('monitoring');
    await page.getByRole('searchbox', { name: 'Search Eunomia' }).press('Enter');
    await page.waitForURL('**/search?q=monitoring');
    const total = totalOf(await waitForResults(page));
    expect(total).toBe(await apiTotal('demo-manager-es', 'monitoring'));
    expect(await hitTitles(page)).toContain(LEA_ONLY_TITLE);
    expect(await page.title()).toBe('Search: monitoring · Eunomia');

    // Snippets: matches are <mark> elements, and no markup shows as text.
    const marks = page.locator('.search-snippet mark');
    expect(await marks.count()).toBeGreaterThan(5);
    expect((await marks.first().textContent())!.toLowerCase()).toMatch(/^monitor/);
    const snippetText = (await page.locator('.search-snippet').allTextContents()).join('\n');
    expect(snippetText).not.toMatch(/<\/?mark>|&lt;|&gt;|&amp;/);
    // Every hit shows its type and where it belongs.
    const firstHit = page.locator('.search-hit').first();
    expect(await firstHit.locator('.search-type').textContent()).toMatch(/^(Procedure|SWOT item|Curriculum|Legal provision|Legal framework|Workshop)$/);
    await expectAccessible(page, 'search results');
    await screenshot(page, 'search-results');

    // Facets: ticking a type narrows the list to that type, to exactly the count the facet showed.
    expect(await page.getByRole('checkbox', { name: /^Procedure \(\d+\)$/ }).count()).toBe(1);
    const procedureLabel = page.getByText(/^Procedure \(\d+\)$/);
    const procedureCount = Number(/\((\d+)\)/.exec((await procedureLabel.textContent())!)![1]);
    expect(procedureCount).toBe(await apiTotal('demo-manager-es', 'monitoring', { types: ['PROCEDURE'] }));
    await procedureLabel.click();
    await page.waitForURL(/type=PROCEDURE/);
    await poll(async () => totalOf(await waitForResults(page))).toBe(procedureCount);
    expect(new Set(await page.locator('.search-hit .search-type').allTextContents())).toEqual(new Set(['Procedure']));
    expect(await page.locator('.search-hit').count()).toBe(procedureCount);

    // A second field narrows further (topic), and its count again matches the list.
    const topicLabel = page.getByText(/^Monitoring \(\d+\)$/);
    const topicCount = Number(/\((\d+)\)/.exec((await topicLabel.textContent())!)![1]);
    await topicLabel.click();
    await page.waitForURL(/topic=MONITORING/);
    await poll(async () => totalOf(await waitForResults(page))).toBe(topicCount);
    expect(topicCount).toBe(await apiTotal('demo-manager-es', 'monitoring', { types: ['PROCEDURE'], topics: ['MONITORING'] }));
    await expectAccessible(page, 'filtered search results');

    // The shared URL reproduces the page; a hit opens the procedure page.
    await page.getByRole('link', { name: LEA_ONLY_TITLE }).click();
    await page.waitForURL('**/procedures/proc-es-monitoring');
    expect(errors()).toEqual([]);
    await context.close();
  }, SLOW);

  it('a partner and an anonymous visitor find fewer results, never the LEA-only procedure', async () => {
    const seen: Record<string, number> = {};
    for (const who of ['demo-manager-es', 'demo-partner', null] as const) {
      const context = await memberContext(browser, platform, who);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto('/search?q=monitoring');
      const total = totalOf(await waitForResults(page));
      expect(total).toBe(await apiTotal(who, 'monitoring'));
      seen[who ?? 'anonymous'] = total;
      if (who !== 'demo-manager-es') {
        expect(await hitTitles(page)).not.toContain(LEA_ONLY_TITLE);
        // The facet counts are the visitor's own too: no procedure count that betrays hidden items.
        const facet = page.getByText(/^Procedure \(\d+\)$/);
        const procedureFacet = (await facet.count()) ? await facet.textContent() : null;
        if (procedureFacet) expect(Number(/\((\d+)\)/.exec(procedureFacet)![1])).toBe(await apiTotal(who, 'monitoring', { types: ['PROCEDURE'] }));
      }
      expect(errors()).toEqual([]);
      await context.close();
    }
    expect(seen['demo-partner']).toBeLessThan(seen['demo-manager-es']!);
    expect(seen.anonymous).toBeLessThan(seen['demo-partner']!);
  }, SLOW);

  it('pages through results with next and previous, keeping the place in the URL', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    await page.goto('/search?q=social');
    const total = totalOf(await waitForResults(page));
    expect(total).toBeGreaterThan(20);
    const firstPage = await hitTitles(page);
    expect(firstPage).toHaveLength(20);
    const pages = page.getByRole('navigation', { name: 'Result pages' });
    await pages.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await waitForResults(page);
    await poll(() => pages.textContent()).toContain('Page 2');
    await poll(() => hitTitles(page)).not.toEqual(firstPage);
    const secondPage = await hitTitles(page);
    expect(secondPage).toHaveLength(total - 20);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await page.reload();
    await waitForResults(page);
    await poll(() => hitTitles(page)).toEqual(secondPage);
    await pages.getByRole('link', { name: 'Previous page' }).click();
    await page.waitForURL((url) => !url.search.includes('after='));
    await poll(() => hitTitles(page)).toEqual(firstPage);
    await context.close();
  }, SLOW);

  it('shows an HTML payload in the query as text, running nothing, and an empty result state', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(`/search?q=${encodeURIComponent(payload)}`);
    await poll(() => summary(page).textContent()).toBe(`0 results for “${payload}”`);
    await poll(() => page.locator('.state-empty').textContent()).toContain(`Nothing you may see matches “${payload}”`);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(await page.title()).toBe(`Search: ${payload} · Eunomia`);
    await expectAccessible(page, 'search without results');
    expect(errors()).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows the server\'s own sentence for a search it refuses', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    await page.goto('/search?q=-monitoring');
    const alert = page.getByRole('alert');
    await poll(() => alert.textContent()).toContain('Type at least one word to search for (not only exclusions).');
    await expectAccessible(page, 'a refused search');
    await page.goto(`/search?q=${'a'.repeat(201)}`);
    await poll(() => alert.textContent()).toContain('The search text must be at most 200 characters.');
    await context.close();
  }, SLOW);

  it('says which word it searched for instead of a typo', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    await page.goto('/search?q=nonitoring');
    await waitForResults(page);
    expect(await page.locator('.search-correction').textContent()).toBe('Showing results for “monitoring”: no document contains “nonitoring”.');
    await page.goto('/search?q=monitoring');
    await waitForResults(page);
    expect(await page.locator('.search-correction').count()).toBe(0);
    await context.close();
  }, SLOW);

  it('opens the generic page of a legal framework for the manager; the partner is told it is not there', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/search?q=monitoring&type=LEGAL_FRAMEWORK');
    await waitForResults(page);
    await page.getByRole('link', { name: 'OSINT guideline (illustrative)' }).click();
    await page.waitForURL('**/items/LEGAL_FRAMEWORK/es-ct-osint-guideline-2024');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Internal guideline on open-source monitoring of social media/);
    const facts = await page.locator('.item-facts').textContent();
    expect(facts).toContain('Catalonia (ES-CT)');
    expect(facts).toContain('Law enforcement');
    expect(await page.locator('.item-text').first().textContent()).toMatch(/\w{5,}/);
    // A legal framework may be published in several languages: its text is not labelled with one.
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBeNull();
    await expectAccessible(page, 'the item page');
    await screenshot(page, 'search-item');

    // Other generic pages: a SWOT item (read through its workshop) and a public legal provision.
    await page.goto('/search?q=monitoring&type=SWOT_ITEM');
    await waitForResults(page);
    // A SWOT item is written in its workshop's language (the seeded ones in English), and labelled with it.
    expect(await page.locator('.search-hit-title').first().getAttribute('lang')).toBe('en');
    await page.locator('.search-hit-title a').first().click();
    await page.waitForURL(/\/items\/SWOT_ITEM\/.+\?workshop=/);
    await poll(() => page.locator('.item-facts').textContent()).toContain('SWOT quadrant');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('en');
    await page.goto('/items/LEGAL_PROVISION/eu-2016-680-art-25');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Art\. 25: Logging/);
    expect(errors()).toEqual([]);
    await context.close();

    const partner = await memberContext(browser, platform, 'demo-partner');
    const partnerPage = await partner.newPage();
    await partnerPage.goto('/items/LEGAL_FRAMEWORK/es-ct-osint-guideline-2024');
    await poll(() => partnerPage.locator('main').textContent()).toContain('This item does not exist, or you may not see it.');
    expect(await partnerPage.locator('main').textContent()).not.toContain('OSINT guideline');
    await expectAccessible(partnerPage, 'an item the partner may not see');
    await partner.close();
  }, SLOW);

  it('works on a phone-sized screen without sideways scrolling', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es', PHONE);
    const page = await context.newPage();
    await page.goto('/search?q=monitoring');
    await waitForResults(page);
    // Filters fold away on a small screen, and open on demand.
    const toggle = page.getByRole('button', { name: /^Filters/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await poll(() => page.getByRole('checkbox', { name: /^Procedure/ }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'search results on a phone');
    await screenshot(page, 'search-phone');
    await context.close();
  }, SLOW);
});
