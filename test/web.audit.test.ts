import { mkdtempSync } from 'node:fs';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signCheckpoint } from '../lib/audit/checkpoint.ts';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The auditor's log: filters, keyset pagination, the platform's verdict on the whole chain and its latest signed
// checkpoint, the page's entries checked again in the browser; other members get no link and a page that says why.

let platform: TestPlatform;
let browser: Browser;
const outside = mkdtempSync(join(tmpdir(), 'eunomia-audit-console-'));
const CHECKPOINT_KEY = 'audit-console-checkpoint-key-kept-off-the-database';
const CHECKPOINTS = join(outside, 'audit-checkpoints.jsonl');
// Checkpoints signed with a key of the test's own; no timer taking more while it runs; the verdict never remembered.
browserSuite((started) => ({ platform, browser } = started), {
  AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY, AUDIT_CHECKPOINT_FILE: CHECKPOINTS, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '86400', AUDIT_CHAIN_CACHE_SECONDS: '0',
});
afterAll(() => rm(outside, { recursive: true, force: true }));
const kernel = () => platform.databases.kernel;
const headRow = async (): Promise<{ seq: string; hash: string }> =>
  (await kernel().query('SELECT l.seq::text AS seq, l.hash FROM audit.log l ORDER BY l.seq DESC LIMIT 1'))[0];
const WHEN = /\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2} UTC/.source;

/** A manager reading a law-enforcement procedure: one CONSULTATION each time. */
const CONSULT = 'query AuditTrail { procedure(id: "proc-es-monitoring") { title } }';
/** A practitioner refused the procedure's MANAGEMENT field: a CONSULTATION and a DENIAL. */
const RESOURCES = 'query Resources { procedure(id: "proc-es-monitoring") { title resourcing { staff } } }';
const COUNT = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 1) { totalCount } }`;

const summary = (page: Page) => page.getByTestId('audit-summary');
const rows = (page: Page) => page.getByTestId('audit-table').locator('tbody tr');
const seqs = async (page: Page) => (await rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq')))));
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(` ${label}$`) }).click();
  await page.getByRole('option', { name: option }).click();
}

describe.skipIf(NO_CHROMIUM)(`audit log ${NO_CHROMIUM ?? ''}`, { timeout: 240_000 }, () => {
  it('the auditor filters by member, kind and decision, pages with keyset cursors, and sees the chain intact and its head', async () => {
    for (let i = 0; i < 23; i += 1) expect((await platform.query(CONSULT, {}, 'demo-manager-es')).errors).toBeUndefined();
    await platform.query(RESOURCES, {}, 'demo-practitioner-es');
    await expect.poll(async () => (await platform.query<{ auditLog: { totalCount: number } }>(COUNT, { filter: { member: 'demo-manager-es', kind: 'CONSULTATION' } }, 'demo-auditor')).data?.auditLog.totalCount).toBe(23);

    // A checkpoint of the head as it is now, signed with the platform's key, newest in the file.
    const checkpointed = await headRow();
    expect((await readFile(CHECKPOINTS, 'utf8').catch(() => '')).split('\n').filter(Boolean)).toHaveLength(0);
    await appendFile(CHECKPOINTS, `${JSON.stringify(signCheckpoint(CHECKPOINT_KEY, checkpointed, new Date('2026-01-15T10:00:00Z')))}\n`);

    const context = await memberContext(browser, platform, 'demo-auditor');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/audit');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    // The newest page is rehashed in the browser: every entry matches its hash, and neighbours link up.
    await expect.poll(() => page.getByTestId('audit-verification').innerText(), { timeout: 30_000 }).toMatch(/^Intact 20 entries recomputed to their hashes; \d+ links to the entry before checked\.$/);
    // The platform's verdict on the whole chain, checked against the one signed checkpoint.
    await expect.poll(() => page.getByTestId('audit-chain-verdict').innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Intact \\d+ entries verified; checked ${WHEN}\\. Checked against 1 signed checkpoint\\.$`));
    const verifiedUpTo = /^Entry (\d+), hash ([0-9a-f]{16})…$/.exec(await page.getByTestId('audit-head').innerText());
    expect(Number(verifiedUpTo?.[1])).toBeGreaterThanOrEqual(Number(checkpointed.seq));
    expect(await page.getByTestId('audit-checkpoint').innerText())
      .toBe(`Signature valid Entry ${checkpointed.seq}, taken 15 Jan 2026, 10:00:00 UTC, hash ${checkpointed.hash.slice(0, 16)}…`);
    await expect.poll(() => summary(page).innerText()).toMatch(/^Entries 1–20 of \d+, newest first\.$/);
    await expectAccessible(page, 'the audit log, unfiltered');
    await screenshot(page, 'audit-log');

    // Member and kind: Jordi Ferrer's 23 consultations, 20 on the first page.
    await choose(page, 'Member', /^Jordi Ferrer \(demo\) · Mossos d'Esquadra/);
    await choose(page, 'Kind', 'Consultation');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**/audit?member=demo-manager-es&kind=CONSULTATION');
    await expect.poll(() => summary(page).innerText()).toBe('Entries 1–20 of 23, newest first. 2 filters applied.');
    const who = await rows(page).locator('td[data-label="Who"]').allInnerTexts();
    expect(who).toHaveLength(20);
    expect(new Set(who.map((w) => w.split('\n')[0]))).toEqual(new Set(['Jordi Ferrer (demo) (demo-manager-es)']));
    expect(new Set(await rows(page).locator('td[data-label="Kind"]').allInnerTexts())).toEqual(new Set(['Consultation Allowed']));
    expect(new Set(await rows(page).locator('td[data-label="Entities"]').allInnerTexts())).toEqual(new Set(['Procedure\nproc-es-monitoring']));
    const first = await seqs(page);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    await expect.poll(() => page.getByTestId('audit-verification').innerText()).toMatch(/^Intact 20 entries recomputed/);
    await expectAccessible(page, 'the audit log filtered by member and kind');
    await screenshot(page, 'audit-filtered');

    // Older: the 3 left, all before the first page's last (keyset: entries written meanwhile do not shift it).
    expect((await platform.query(CONSULT, {}, 'demo-manager-es')).errors).toBeUndefined();
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => summary(page).innerText()).toMatch(/^Entries 21–23 of 2[34], newest first\. 2 filters applied\.$/);
    const second = await seqs(page);
    expect(second).toHaveLength(3);
    expect(Math.max(...second)).toBeLessThan(Math.min(...first));
    expect(await page.getByRole('button', { name: 'Older entries' }).isDisabled()).toBe(true);
    // Focus moves to the summary, which screen readers announce.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('audit-summary');
    await page.getByRole('button', { name: 'Newer entries' }).click();
    await expect.poll(() => summary(page).innerText()).toMatch(/^Entries 1–20 of 24/);
    expect((await seqs(page)).slice(1)).toEqual(first.slice(0, 19));

    // Decision: the practitioner's one refusal, on the MANAGEMENT field.
    await page.goto('/audit?member=demo-practitioner-es&decision=DENIED');
    await expect.poll(() => summary(page).innerText(), { timeout: 30_000 }).toBe('Entry 1 of 1, newest first. 2 filters applied.');
    expect(await rows(page).locator('td[data-label="Kind"]').innerText()).toBe('Refusal Denied\nFORBIDDEN');
    expect(await rows(page).locator('td[data-label="What"]').innerText()).toContain('Procedure.resourcing');

    // Dates: a range ending before it starts is refused before sending; a future day has no entries.
    await page.getByLabel('From (UTC day)').fill('2030-01-02');
    await page.getByLabel('Until (UTC day, included)').fill('2030-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByText('The end of the range is before its start.').count()).toBe(1);
    expect(page.url()).toMatch(/\/audit\?member=demo-practitioner-es&decision=DENIED$/);
    await page.getByLabel('Until (UTC day, included)').fill('2030-01-03');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL('**/audit?member=demo-practitioner-es&decision=DENIED&from=2030-01-02&to=2030-01-03');
    await expect.poll(() => page.getByText('No entries match these filters.').count()).toBe(1);
    expect(await page.getByTestId('audit-verification').innerText()).toBe('No entries shown to check.');
    await expectAccessible(page, 'the audit log with no matching entries');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/audit$/);
    await expect.poll(() => summary(page).innerText()).toMatch(/^Entries 1–20 of \d+, newest first\.$/);

    expect(errors()).toEqual([]);
    await context.close();
  });

  it('on a phone the entries stack and stay readable', async () => {
    const context = await memberContext(browser, platform, 'demo-auditor', PHONE);
    const page = await context.newPage();
    await page.goto('/audit');
    await expect.poll(() => summary(page).innerText(), { timeout: 30_000 }).toMatch(/^Entries 1–\d+ of \d+/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the audit log on a phone');
    await screenshot(page, 'audit-phone');
    await context.close();
  });

  it('the auditor sees where the chain is broken and a checkpoint whose signature does not hold', async () => {
    const lines = (await readFile(CHECKPOINTS, 'utf8')).split('\n').filter(Boolean);
    const head = await headRow();
    // A line that looks like a checkpoint but was not signed with the key, newest in the file.
    await appendFile(CHECKPOINTS, `${JSON.stringify({ seq: head.seq, hash: head.hash, at: '2026-01-16T09:30:00.000Z', mac: '0'.repeat(64) })}\n`);
    // The table owner rewrites an entry that the newest page shows.
    const target = String(Number(head.seq) - 3);
    const [{ justification }] = await kernel().query('SELECT justification FROM audit.log WHERE seq = $1', [target]);
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
    await kernel().query(`UPDATE audit.log SET justification = 'nothing to see' WHERE seq = $1`, [target]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    const context = await memberContext(browser, platform, 'demo-auditor');
    try {
      const page = await context.newPage();
      await page.goto('/audit');
      await expect.poll(() => page.getByTestId('audit-chain-verdict').innerText(), { timeout: 30_000 }).toMatch(new RegExp(
        `^Broken First break at entry ${target}, after ${Number(target) - 1} entries verified; checked ${WHEN}\\. `
        + `hash [0-9a-f]{12}\\.\\.\\. does not match the row's contents \\(recomputed [0-9a-f]{12}\\.\\.\\.\\)$`));
      expect(await page.getByTestId('audit-chain-verdict').locator('[lang="en"]').count()).toBe(1);
      expect(await page.getByTestId('audit-head').innerText()).toBe('No entry past the break is vouched for.');
      expect(await page.getByTestId('audit-checkpoint').innerText()).toBe(`Signature not valid Entry ${head.seq}, taken 16 Jan 2026, 09:30:00 UTC, hash ${head.hash.slice(0, 16)}…`
        + `\nThe checkpoints could not be used: the checkpoint on line ${lines.length + 1} of the checkpoint file does not carry a valid signature`);
      // The page's own check finds the same entry, recomputed in the browser.
      await expect.poll(() => page.getByTestId('audit-verification').innerText())
        .toBe(`Broken Entry ${target} does not hash to the value it carries: it was changed after it was written.`);
      await expectAccessible(page, 'the audit log with a broken chain');
      await screenshot(page, 'audit-chain-broken');
    } finally {
      await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
      await kernel().query('UPDATE audit.log SET justification = $2 WHERE seq = $1', [target, justification]);
      await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
      await writeFile(CHECKPOINTS, lines.map((l) => `${l}\n`).join(''));
    }
    // Put back, the chain is whole again.
    const page = await context.newPage();
    await page.goto('/audit');
    await expect.poll(() => page.getByTestId('audit-chain-verdict').innerText(), { timeout: 30_000 }).toMatch(/^Intact /);
    await context.close();
  });

  it('members without the auditor role have no link, and the page says they lack the role', async () => {
    for (const member of ['demo-practitioner-es', 'demo-admin']) {
      const context = await memberContext(browser, platform, member);
      const page = await context.newPage();
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      await expect.poll(() => page.getByTestId('member').count()).toBe(1);
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      await page.goto('/audit');
      await expect.poll(() => page.getByText('This page is for members with the Auditor role. You do not have it.').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByTestId('audit-table').count()).toBe(0);
      if (member === 'demo-practitioner-es') {
        expect(await page.getByText('Your roles: Editor.').count()).toBe(1);
        await expectAccessible(page, 'the audit page for a practitioner');
        await screenshot(page, 'audit-no-role');
      }
      await context.close();
    }
  });
});
