import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, NO_CHROMIUM, openPage, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Editing and publishing: a manager creates a draft, edits it, sets typed comparison values, publishes, verifies and
// withdraws it; the API's refusals (bad input, a concurrent change, a practitioner publishing) read as sentences.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

// The machine is shared and slow at times: waits are generous, never timing assertions.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const TITLE = 'Monitoring of public channels during large sporting events';
let draftId = '';

/** Ticks a React Aria checkbox the way a person does, by its label, and checks it took. */
async function tick(page: Page, name: string) {
  await page.locator('label').filter({ hasText: new RegExp(`^${name}$`) }).click();
  await poll(() => page.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
}

const openAs = (member: string, path: string, viewport?: typeof PHONE) => openPage(browser, platform, member, path, viewport);

async function countOwnProcedures(): Promise<number> {
  const res = await platform.query<{ procedures: { totalCount: number } }>(
    'query { procedures(filter: { agency: "es-ct-mossos" }, first: 100) { totalCount } }', {}, 'demo-manager-es');
  return res.data!.procedures.totalCount;
}

async function latestVersion(id: string): Promise<{ version: number; status: string; title: string }> {
  const res = await platform.query<{ procedure: { version: number; status: string; title: string } }>(
    'query ($id: ID!) { procedure(id: $id) { version status title } }', { id }, 'demo-manager-es');
  return res.data!.procedure;
}

describe.skipIf(NO_CHROMIUM)(`edit and publish ${NO_CHROMIUM ?? ''}`, { timeout: 150_000 }, () => {
  it('refuses a draft the API finds invalid, next to the form, and writes nothing', async () => {
    const before = await countOwnProcedures();
    const { ctx, page, errors } = await openAs('demo-manager-es', '/procedures/new');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New procedure');
    await textbox(page, 'Title').fill('No');
    await textbox(page, 'Summary').fill('A summary long enough.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    const alert = page.locator('.proc-form-error');
    await poll(() => alert.textContent()).toMatch(/title/i);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await textbox(page, 'Title').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/procedures\/new$/);
    expect(await countOwnProcedures()).toBe(before);
    await expectAccessible(page, 'the new-procedure form with a validation error');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('creates a draft with a typed value, then edits its content and values', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es', '/procedures/new');
    await poll(() => textbox(page, 'Title').count()).toBe(1);
    await textbox(page, 'Title').fill(TITLE);
    await textbox(page, 'Summary').fill('How the information unit follows public channels around matches and finals.');
    await textbox(page, 'Body').fill('## Purpose\n\nAnticipate risks to public order around large sporting events.\n\n## Retention\n\nMaterial is kept for 30 days.');
    await textbox(page, 'Retention limit (days)').fill('30');
    await textbox(page, 'Retention limit (days)').press('Tab');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/procedures\/proc-[0-9a-f-]+$/);
    draftId = decodeURIComponent(page.url().split('/procedures/')[1]!);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/Draft.*Not verified yet/);
    expect(await page.locator('.proc-values').first().textContent()).toContain('30 days');
    await expectAccessible(page, 'a new draft');

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL(/\/edit$/);
    await poll(() => page.getByText('You are editing on top of version 1.').count()).toBe(1);
    await textbox(page, 'Summary').fill('How the information unit follows public channels around matches, finals and fan zones.');
    await textbox(page, 'Change note (optional)').fill('Fan zones added.');
    await page.getByRole('button', { name: 'Save content as new draft' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'saved as draft version' }).textContent()).toMatch(/Content saved as draft version 2/);

    // Each dimension's type decides its control: a select of labelled values, checkboxes, a yes/no checkbox.
    await page.getByRole('button', { name: /Monitoring scope/ }).click();
    await page.getByRole('option', { name: 'Public and closed groups, with a warrant' }).click();
    await tick(page, 'Specific threat');
    await tick(page, 'Prior judicial authorisation for monitoring');
    await page.getByRole('button', { name: 'Save values as new draft' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'saved as draft version' }).textContent()).toMatch(/Comparison values saved as draft version 3/);
    expect(await latestVersion(draftId)).toMatchObject({ version: 3, status: 'DRAFT' });
    expect(await page.getByText('You are editing on top of version 3.').count()).toBe(1);
    await expectAccessible(page, 'the edit page after saving');
    await screenshot(page, 'procedure-edit');

    await page.getByRole('link', { name: 'View the procedure' }).click();
    await poll(() => page.locator('.proc-values').first().textContent()).toContain('Public and closed groups, with a warrant');
    expect(await page.locator('.proc-values').first().textContent()).toMatch(/Specific threat/);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('does not offer a practitioner editor to publish, and the API refuses it too', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-es', `/procedures/${draftId}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    const res = await platform.query('mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 3) { id } }', { id: draftId }, 'demo-practitioner-es');
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expectAccessible(page, 'a draft as a practitioner editor');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('says someone changed it since it was opened, and reloads their version', async () => {
    const { ctx, page } = await openAs('demo-manager-es', `/procedures/${draftId}/edit`);
    await poll(() => page.getByText('You are editing on top of version 3.').count()).toBe(1);
    // The same member changes the procedure elsewhere (another tab, a script) after this page opened it.
    const other = await platform.query('mutation ($id: ID!) { updateProcedure(id: $id, expectedVersion: 3, input: { title: "Monitoring during large sporting events" }) { version } }',
      { id: draftId }, 'demo-manager-es');
    expect(other.errors).toBeUndefined();
    await textbox(page, 'Title').fill(`${TITLE} (revised)`);
    await page.getByRole('button', { name: 'Save content as new draft' }).click();
    const alert = page.locator('.proc-form-error');
    await poll(() => alert.textContent()).toMatch(/^Someone changed this since you opened it — reload/);
    expect(await latestVersion(draftId)).toMatchObject({ version: 4, title: 'Monitoring during large sporting events' });
    await expectAccessible(page, 'the edit page after a conflict');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await poll(() => page.getByText('You are editing on top of version 4.').count()).toBe(1);
    expect(await textbox(page, 'Title').inputValue()).toBe('Monitoring during large sporting events');
    await ctx.close();
  });

  it('publishes the draft as a manager, then verifies and withdraws it', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es', `/procedures/${draftId}`);
    await poll(() => page.getByRole('heading', { name: 'Publish draft version 4' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Published' }).textContent()).toBe('Published: in force from today.');
    await poll(() => page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/In force/);
    const history = page.locator('.proc-timeline > li');
    expect(await history.count()).toBe(4);
    expect(await history.first().textContent()).toMatch(/Version 4.*In force/);
    expect(await page.getByRole('heading', { name: /^Publish draft/ }).count()).toBe(0);
    await expectAccessible(page, 'the procedure just published');
    await screenshot(page, 'procedure-published');

    await page.getByRole('button', { name: 'Mark as verified' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'verified' }).textContent()).toBe('Marked as verified today.');
    await poll(() => page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/Last verified/);

    await page.getByRole('button', { name: 'Withdraw…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this procedure?' });
    await poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await poll(() => dialog.getByRole('alert').textContent()).toBe('Give a reason for withdrawing.');
    await expectAccessible(page, 'the withdraw dialog asking for a reason');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Replaced by the regional events procedure.');
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'withdrawn' }).textContent()).toBe('The procedure was withdrawn.');
    await poll(() => page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/Withdrawn/);
    expect(await page.getByRole('button', { name: 'Withdraw…' }).count()).toBe(0);
    await expectAccessible(page, 'the withdrawn procedure');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('fits a phone screen', async () => {
    const { ctx, page } = await openAs('demo-manager-es', `/procedures/${draftId}/edit`, PHONE);
    await poll(() => textbox(page, 'Title').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the edit page on a phone');
    await ctx.close();
  });
});
