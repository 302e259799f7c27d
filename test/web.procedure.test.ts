import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, NO_CHROMIUM, openPage, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The procedure page: the version in force, what each tier sees of it (the API decides), a point-in-time read, what
// changed between two versions word by word, and the comparison with another jurisdiction's procedure.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const PROCEDURE = '/procedures/proc-es-ct-monitoring';
// The machine is shared and slow at times: waits are generous, never timing assertions.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

const openAs = (member: string | null, path = PROCEDURE, viewport?: typeof PHONE) => openPage(browser, platform, member, path, viewport);

describe.skipIf(NO_CHROMIUM)(`procedure page ${NO_CHROMIUM ?? ''}`, { timeout: 120_000 }, () => {
  it('shows a manager the version in force with values, legal basis, history and resourcing', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Social media monitoring for public safety');
    expect(await page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/In force.*Last verified 15 Jun 2026/);
    // Body sections rendered as headings and paragraphs.
    expect(await heading(page, 'Authorisation').count()).toBe(1);
    expect(await page.getByText('requires a prior court order', { exact: false }).count()).toBeGreaterThan(0);
    // Dimension values with their display labels, not codes.
    const values = page.getByRole('complementary', { name: 'Values, legal basis and history' });
    expect(await values.textContent()).toContain('Retention limit');
    expect(await values.textContent()).not.toContain('PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT');
    // Legal basis links to the provisions' pages.
    const legal = page.getByRole('link', { name: /Art\. 4/ }).first();
    expect(await legal.getAttribute('href')).toMatch(/^\/items\/LEGAL_PROVISION\//);
    // Version history as an ordered timeline, newest first.
    const history = page.locator('.proc-timeline > li');
    expect(await history.count()).toBe(3);
    expect(await history.first().textContent()).toMatch(/Version 3.*In force/);
    // Tier-restricted fields: a manager sees both.
    expect(await heading(page, 'Resourcing').count()).toBe(1);
    expect(await heading(page, 'Operational notes').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The what-changed section loads its default comparison (2 -> 3) before the page is judged.
    await poll(() => page.getByText(/changes? between version 2 and version 3/).count()).toBe(1);
    await expectAccessible(page, 'the procedure page as a manager');
    await screenshot(page, 'procedure-manager');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows a practitioner the operational notes but no resourcing, and no error for it', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-es');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Social media monitoring for public safety');
    await poll(() => heading(page, 'Operational notes').count()).toBe(1);
    expect(await heading(page, 'Resourcing').count()).toBe(0);
    expect(await page.getByText('Yearly budget').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    // A practitioner editor may edit but not publish or withdraw.
    await poll(() => page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Withdraw…' }).count()).toBe(0);
    await poll(() => page.getByText(/changes? between version 2 and version 3/).count()).toBe(1);
    await expectAccessible(page, 'the procedure page as a practitioner');
    await screenshot(page, 'procedure-practitioner');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it.each([['a partner', 'demo-partner'], ['an anonymous visitor', null]])('tells %s that the LEA procedure does not exist or may not be seen', async (_, member) => {
    const { ctx, page } = await openAs(member);
    await poll(() => page.getByRole('alert').textContent()).toBe('This procedure does not exist, or you may not see it.');
    expect(await page.getByText('Social media monitoring').count()).toBe(0);
    await expectAccessible(page, `the hidden procedure as ${member ?? 'an anonymous visitor'}`);
    await ctx.close();
  });

  it('reads the version in force on a past date', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es', `${PROCEDURE}?at=2022-06-01`);
    await poll(() => page.getByRole('status').filter({ hasText: 'in force on' }).textContent())
      .toBe('You are reading the version in force on 1 Jun 2022 (version 1). Show the current version');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Open-source social media monitoring for public safety');
    expect(await page.getByText('kept for 180 days', { exact: false }).count()).toBeGreaterThan(0);
    // Past versions are read, not changed.
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the procedure at a past date');
    // The date field changes the URL and the version.
    await page.getByLabel('As in force on').fill('2024-01-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL('**at=2024-01-01');
    await poll(() => page.getByRole('status').filter({ hasText: 'in force on' }).textContent()).toMatch(/version 2/);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows what changed between version 1 and version 3 word by word, side by side', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es', `${PROCEDURE}?from=1&to=3`);
    const section = page.locator('#what-changed');
    await poll(() => section.getByText(/changes between version 1 and version 3/).count()).toBe(1);
    const retention = section.locator('.proc-diff-section').filter({ has: page.getByRole('heading', { name: /^Retention/ }) });
    expect(await retention.locator('del').first().textContent()).toBe('[removed: 180]');
    expect(await retention.locator('ins').first().textContent()).toBe('[added: 60]');
    // A section only version 3 has, and one it dropped.
    expect(await section.getByRole('heading', { name: /^Scope\s+Added$/ }).count()).toBe(1);
    expect(await section.getByRole('heading', { name: /^Legal basis\s+Removed$/ }).count()).toBe(1);
    // A dimension change shows labels, not codes.
    expect(await section.getByRole('heading', { name: /Value: Retention limit/ }).count()).toBe(1);
    await expectAccessible(page, 'what changed between versions');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'procedure-diff');
    // Picking another pair with the selects updates the URL and the comparison.
    await section.getByRole('button', { name: /From version/ }).click();
    await page.getByRole('option', { name: /^Version 2/ }).click();
    await page.waitForURL(/from=2/);
    await poll(() => section.getByText(/between version 2 and version 3/).count()).toBe(1);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('compares with another jurisdiction of the same topic', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es');
    const section = page.locator('#compare');
    await section.getByRole('button', { name: /Procedure to compare with/ }).click();
    await expectAccessible(page, 'the jurisdiction picker open');
    await page.getByRole('option', { name: /^Germany/ }).click();
    await page.waitForURL(/with=proc-de-monitoring/);
    await poll(() => section.getByText(/Catalonia compared with Germany/).count()).toBe(1);
    const table = section.getByRole('table', { name: 'Comparison values' });
    await poll(() => table.getByRole('row').count()).toBeGreaterThan(2);
    expect(await table.getByText('Differs').count()).toBeGreaterThan(0);
    expect(await section.locator('.proc-diff-section').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the comparison with another jurisdiction');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('fits a phone screen', async () => {
    const { ctx, page } = await openAs('demo-manager-es', `${PROCEDURE}?from=1&to=3`, PHONE);
    await poll(() => page.getByText(/changes between version 1 and version 3/).count()).toBe(1);
    // Everything that loads after the page's own data: the follow buttons, and the header's bell.
    await poll(() => page.getByRole('button', { name: /^Follow new procedures in / }).count()).toBe(1);
    await poll(() => page.getByRole('banner').getByRole('link', { name: /^Notifications, / }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the procedure page on a phone');
    await screenshot(page, 'procedure-phone');
    await ctx.close();
  });
});
