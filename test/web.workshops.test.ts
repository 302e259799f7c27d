import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, memberContext, NO_CHROMIUM, openPage, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Workshops: the list (oldest first, so the Barcelona workshop leads), a workshop's outputs (key messages, SWOT 2×2
// with votes, recommendations with history and what implements them), the SWOT matrix across workshops, votes by
// law-enforcement members only, and the administrator's status changes. Who sees which workshop is the API's answer:
// a practitioner never sees the management round table (The Hague), a partner never the LEA one (Berlin).
//
// The expected figures are the seeds' (seeds/data/workshops.json): Barcelona 20 items (weight 33), Dublin 8 (weight 6),
// Berlin 8 (weight 5, LEA of Germany only), The Hague 4 (weight 3, managers only). Tests run in order and share one
// database: the matrix figures are checked before the vote test adds a vote.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const BARCELONA = '/workshops/ws-bcn-everyday-security';
const BARCELONA_TITLE = 'Workshop 4: Social media and everyday security';
const DUBLIN_TITLE = 'Online hate speech and harassment: from report to removal';
const BERLIN_TITLE = 'Open-source intelligence and its legal limits';
const HAGUE_TITLE = 'Leading a police force in the social-media age';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });

const openAs = (member: string | null, path: string, viewport?: typeof PHONE) => openPage(browser, platform, member, path, viewport);

const listedTitles = (page: Page) => page.locator('.ws-card-title').allTextContents();
const summary = (page: Page) => page.getByTestId('matrix-summary').textContent();
const matrixWorkshops = (page: Page) => page.getByTestId('matrix-workshops').getByRole('link').allTextContents();
/** A cell of the matrix table: topic row (or ALL) and quadrant column (or ALL), as its text reads. */
const cell = (page: Page, topic: string, quadrant: string) =>
  page.locator(`table.ws-matrix tr[data-topic="${topic}"] td[data-quadrant="${quadrant}"]`).innerText().then((s) => s.replace(/\s+/g, ' ').trim());
const item = (page: Page, id: string) => page.locator(`li[data-item="${id}"]`);
const recommendation = (page: Page, id: string) => page.locator(`li[data-recommendation="${id}"]`);

describe.skipIf(NO_CHROMIUM)(`workshops ${NO_CHROMIUM ?? ''}`, { timeout: 180_000 }, () => {
  it('lists a practitioner the workshops in the order held, Barcelona first, and never the management round table', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-es', '/workshops');
    await poll(() => listedTitles(page)).toEqual([BARCELONA_TITLE, DUBLIN_TITLE]);
    expect(await page.getByRole('status').filter({ hasText: 'workshops' }).textContent()).toBe('2 workshops');
    const barcelona = page.locator('li[data-workshop="ws-bcn-everyday-security"]');
    expect(await barcelona.locator('.ws-kicker').textContent()).toMatch(/^Everyday security workshops · Barcelona \(city\) · 19\s?–\s?20 Nov 2024$/);
    expect(await barcelona.textContent()).toContain('Organised by Barcelona City Police (Guàrdia Urbana) · 46 participants · Members');
    // The navigation leads here, and the heading has the focus after arriving.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).getAttribute('href')).toBe('/workshops');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Workshops');
    expect(await page.getByText(HAGUE_TITLE).count()).toBe(0);
    await expectAccessible(page, 'the workshops list as a practitioner');
    await screenshot(page, 'workshops-list');

    // Its own address answers as if it did not exist.
    await page.goto('/workshops/ws-hag-leadership');
    await poll(() => page.getByRole('alert').textContent()).toBe('This workshop does not exist, or you may not see it.');
    expect(await page.getByText(HAGUE_TITLE).count()).toBe(0);
    await expectAccessible(page, 'a hidden workshop');

    // The matrix counts only what the practitioner may see: Barcelona and Dublin.
    await page.goto('/workshops/swot-matrix');
    await poll(() => summary(page)).toBe('28 items with a total weight of 39, from 2 workshops, for all jurisdictions.');
    expect(await matrixWorkshops(page)).toEqual([BARCELONA_TITLE, DUBLIN_TITLE]);
    expect(await cell(page, 'COMMUNICATION', 'ALL')).toBe('weight 22 12 items');
    expect(await cell(page, 'ALL', 'WEAKNESS')).toBe('weight 22 8 items');
    expect(await page.getByText(HAGUE_TITLE).count()).toBe(0);
    expect(await page.getByText('Budgets for digital investigation').count()).toBe(0);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('counts the management round table for a manager, whose figures differ by exactly its items', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-es', '/workshops/swot-matrix');
    await poll(() => summary(page)).toBe('32 items with a total weight of 42, from 3 workshops, for all jurisdictions.');
    expect(await matrixWorkshops(page)).toContain(HAGUE_TITLE);
    expect(await matrixWorkshops(page)).not.toContain(BERLIN_TITLE);
    expect(await cell(page, 'COMMUNICATION', 'ALL')).toBe('weight 25 14 items');
    await page.goto('/workshops');
    await poll(() => listedTitles(page)).toEqual([BARCELONA_TITLE, DUBLIN_TITLE, HAGUE_TITLE]);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('reads the SWOT matrix by topic and jurisdiction, with weights, for a German manager', async () => {
    const { ctx, page, errors } = await openAs('demo-manager-de', '/workshops/swot-matrix');
    await poll(() => summary(page)).toBe('40 items with a total weight of 47, from 4 workshops, for all jurisdictions.');
    const table = page.getByRole('table', { name: /Weight and number of SWOT items by topic and quadrant/ });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Topic', 'Strengths', 'Weaknesses', 'Opportunities', 'Threats', 'All quadrants']);
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Communication', 'Monitoring', 'Investigation', 'All topics']);
    expect(await cell(page, 'ALL', 'WEAKNESS')).toBe('weight 30 11 items');
    // The heaviest item overall leads its quadrant, with its weight and workshop.
    const weaknesses = page.locator('#ws-matrix-heaviest ~ .ws-swot-grid .ws-quadrant-weakness li').first();
    expect(await weaknesses.textContent()).toContain('There is no common knowledge across countries');
    expect(await weaknesses.textContent()).toContain('Weight 7 (7 votes)');
    await expectAccessible(page, 'the SWOT matrix');
    await screenshot(page, 'workshops-matrix');

    // One jurisdiction: the select writes it to the (shareable) address.
    await page.getByRole('button', { name: /^All jurisdictions\s+Jurisdiction/ }).click();
    await page.getByRole('option', { name: 'Germany (DE)' }).click();
    await page.waitForURL(/j=DE/);
    await poll(() => summary(page)).toBe('8 items with a total weight of 5, from 1 workshop, for Germany (DE).');
    expect(await matrixWorkshops(page)).toEqual([BERLIN_TITLE]);
    expect(await cell(page, 'MONITORING', 'WEAKNESS')).toBe('weight 3 1 item');
    await expectAccessible(page, 'the SWOT matrix for Germany');
    await screenshot(page, 'workshops-matrix-germany');

    // A jurisdiction no workshop concerns: the empty state says so.
    await page.goto('/workshops/swot-matrix?j=PT');
    await poll(() => page.getByText('No SWOT items you may see concern Portugal (PT).').count()).toBe(1);
    await expectAccessible(page, 'the SWOT matrix with nothing to show');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows a partner Barcelona and Dublin, never the LEA workshop (Berlin), and no vote button', async () => {
    const { ctx, page, errors } = await openAs('demo-partner', '/workshops');
    await poll(() => listedTitles(page)).toEqual([BARCELONA_TITLE, DUBLIN_TITLE]);
    expect(await page.getByText(BERLIN_TITLE).count()).toBe(0);
    await page.goto('/workshops/ws-ber-osint-limits');
    await poll(() => page.getByRole('alert').textContent()).toBe('This workshop does not exist, or you may not see it.');
    await page.goto('/workshops/swot-matrix');
    await poll(() => summary(page)).toBe('28 items with a total weight of 39, from 2 workshops, for all jurisdictions.');
    expect(await matrixWorkshops(page)).not.toContain(BERLIN_TITLE);
    expect(await page.getByText('Covert accounts are handled under rules').count()).toBe(0);

    // The Barcelona workshop reads in full, weights included, but the partner cannot vote, and is told why.
    await page.goto(BARCELONA);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(BARCELONA_TITLE);
    expect(await item(page, 'swot-bcn-03').getByTestId('weight').textContent()).toBe('Weight 7 (7 votes)');
    expect(await page.getByRole('button', { name: 'Vote' }).count()).toBe(0);
    expect(await page.getByText('Only law-enforcement staff vote on SWOT items.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Change status of/ }).count()).toBe(0);
    await expectAccessible(page, 'the Barcelona workshop as a partner');
    await screenshot(page, 'workshops-partner');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows the Barcelona workshop: topics, key messages, a SWOT 2×2, recommendations with history and what implements them', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-es', BARCELONA);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(BARCELONA_TITLE);
    expect(await page.locator('.ws-facts').innerText()).toMatch(/Topics\s+Communication, Monitoring, Investigation/);
    expect(await page.getByRole('heading', { name: 'Key messages' }).count()).toBe(1);
    expect(await page.locator('.ws-messages blockquote').count()).toBe(4);
    expect(await page.locator('.ws-messages').textContent()).toContain('— a senior police manager');
    // The 2×2: four quadrants in SWOT order, with counts; the topic filter narrows them.
    expect(await page.locator('.ws-quadrant h3').allTextContents()).toEqual(['Strengths 4 items', 'Weaknesses 6 items', 'Opportunities 5 items', 'Threats 5 items']);
    await page.getByRole('radio', { name: 'Monitoring' }).click({ force: true });
    await poll(() => page.locator('.ws-quadrant h3 .ws-count').allTextContents()).toEqual(['1 item', '2 items', '1 item', '2 items']);
    await page.getByRole('radio', { name: 'All topics' }).click({ force: true });
    const evidence = item(page, 'swot-bcn-03');
    expect(await evidence.textContent()).toContain('Evidence: Participants from five countries');
    // Content keeps its own language whatever the console speaks.
    expect(await evidence.locator('.ws-statement').getAttribute('lang')).toBe('en');
    // Recommendations: status, history with dates, and what implements them as links.
    const rec1 = recommendation(page, 'rec-bcn-01');
    expect(await rec1.getByTestId('rec-status').textContent()).toBe('Status: In progress High priority');
    // Times in the browser's zone (the test browser's is Brussels).
    expect(await rec1.locator('.ws-history li').allInnerTexts()).toEqual([
      '20 Nov 2024, 17:00 · Proposed\n\nProposed at the workshop.',
      '15 Jan 2025, 11:00 · Proposed → Endorsed\n\nEndorsed by the steering group. — by Elena Rossi (demo)',
      '3 Mar 2025, 10:30 · Endorsed → In progress\n\nProcedures of six jurisdictions now recorded on the platform. — by Elena Rossi (demo)',
    ]);
    const rec3 = recommendation(page, 'rec-bcn-03');
    expect(await rec3.locator('.ws-links a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining([
      '/items/CURRICULUM/cur-osint-basics', '/items/LEGAL_FRAMEWORK/eu-2016-680',
    ]));
    // A practitioner changes no status.
    expect(await page.getByRole('button', { name: /^Change status of/ }).count()).toBe(0);
    await expectAccessible(page, 'the Barcelona workshop as a practitioner');
    await screenshot(page, 'workshops-barcelona');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('lets a law-enforcement member vote once: the weight changes, and a second vote is refused with the API\'s reason', async () => {
    const first = await openAs('demo-practitioner-es', BARCELONA);
    // A second tab opened before the vote still offers the button: its vote reaches the API, which refuses it.
    const second = await openAs('demo-practitioner-es', BARCELONA);
    const target = item(first.page, 'swot-bcn-01');
    const stale = item(second.page, 'swot-bcn-01');
    // Both tabs have read the item before the vote (their data loads after the page opens).
    await poll(() => target.getByTestId('weight').textContent()).toBe('Weight 1 (1 vote)');
    await poll(() => stale.getByTestId('weight').textContent()).toBe('Weight 1 (1 vote)');
    await target.getByRole('button', { name: 'Vote' }).click();
    await poll(() => target.getByTestId('weight').textContent()).toBe('Weight 2 (2 votes)');
    expect(await target.getByRole('status').textContent()).toBe('Your vote is counted. The weight is now 2.');
    expect(await target.getByRole('button', { name: 'Vote' }).count()).toBe(0);
    expect(await target.getByText('You voted for this item').count()).toBe(1);
    await poll(() => first.page.evaluate(() => document.activeElement?.textContent)).toBe('✓ You voted for this item');
    await expectAccessible(first.page, 'a SWOT item just voted for');
    await target.scrollIntoViewIfNeeded();
    await screenshot(first.page, 'workshops-vote');

    expect(await stale.getByTestId('weight').textContent()).toBe('Weight 1 (1 vote)');
    await stale.getByRole('button', { name: 'Vote' }).click();
    await poll(() => stale.getByRole('alert').textContent()).toBe('You have already voted for this item: each member votes once.');
    // The page reads the item again: the member's own vote and the weight as they are.
    await poll(() => stale.getByTestId('weight').textContent()).toBe('Weight 2 (2 votes)');
    expect(await stale.getByText('You voted for this item').count()).toBe(1);
    await expectAccessible(second.page, 'a refused second vote');
    expect(first.errors()).toEqual([]);
    await first.ctx.close();
    await second.ctx.close();
  });

  it('shows a German practitioner the vote recorded in the seeds as theirs', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-de', '/workshops/ws-ber-osint-limits');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(BERLIN_TITLE);
    const mine = item(page, 'swot-ber-06');
    expect(await mine.getByTestId('weight').textContent()).toBe('Weight 2 (2 votes)');
    expect(await mine.getByText('You voted for this item').count()).toBe(1);
    expect(await mine.getByRole('button', { name: 'Vote' }).count()).toBe(0);
    expect(await item(page, 'swot-ber-02').getByRole('button', { name: 'Vote' }).count()).toBe(1);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('lets the administrator move a recommendation through an allowed transition with a reason, and the history shows it', async () => {
    const { ctx, page, errors } = await openAs('demo-admin', BARCELONA);
    const rec = recommendation(page, 'rec-bcn-04');
    await poll(() => rec.getByTestId('rec-status').textContent()).toBe('Status: Proposed High priority');
    // An implemented recommendation is final and says so; others offer only their allowed changes.
    await rec.getByRole('button', { name: /^Change status of: Treat platforms as public spaces/ }).click();
    const dialog = page.getByRole('dialog', { name: "Change the recommendation's status" });
    expect(await dialog.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent))).toEqual(['Endorsed', 'Rejected']);
    // Nothing is sent before the form is complete.
    await dialog.getByRole('button', { name: 'Change status', exact: true }).click();
    expect(await dialog.getByText('Choose the new status.').count()).toBe(1);
    expect(await dialog.getByText("Give a reason: it is kept in the recommendation's history.").count()).toBe(1);
    await expectAccessible(page, 'the status dialog with its errors');
    await dialog.getByRole('radio', { name: 'Endorsed' }).click({ force: true });
    await dialog.getByLabel('Reason').fill('Endorsed by the steering group in June 2026.');
    await screenshot(page, 'workshops-status-dialog');
    await dialog.getByRole('button', { name: 'Change status', exact: true }).click();
    await poll(() => rec.getByTestId('rec-status').textContent()).toBe('Status: Endorsed High priority');
    expect(await rec.getByRole('status').textContent()).toBe('Status changed to Endorsed.');
    const last = rec.locator('.ws-history li').last();
    expect(await last.innerText()).toMatch(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d · Proposed → Endorsed\n\nEndorsed by the steering group in June 2026\. — by Elena Rossi \(demo\)$/);
    // Kept by the API, not only on screen.
    await page.reload();
    await poll(() => recommendation(page, 'rec-bcn-04').locator('.ws-history li').count()).toBe(2);
    expect(await recommendation(page, 'rec-bcn-04').getByTestId('rec-status').textContent()).toBe('Status: Endorsed High priority');
    // The next step offers what follows Endorsed.
    await recommendation(page, 'rec-bcn-04').getByRole('button', { name: /^Change status of/ }).click();
    expect(await page.getByRole('dialog').getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent))).toEqual(['In progress', 'Rejected']);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await recommendation(page, 'rec-bcn-04').scrollIntoViewIfNeeded();
    await screenshot(page, 'workshops-history');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows the administrator the API\'s refusal when the status changed in the meantime', async () => {
    const stale = await openAs('demo-admin', BARCELONA);
    const rec = recommendation(stale.page, 'rec-bcn-05');
    await poll(() => rec.getByTestId('rec-status').textContent()).toBe('Status: Proposed Medium priority');
    // Someone else rejects it meanwhile.
    const other = await platform.query(
      'mutation { setRecommendationStatus(id: "rec-bcn-05", status: REJECTED, reason: "Passed on to the city councils.") { status } }',
      {}, 'demo-admin');
    expect(other.errors).toBeUndefined();
    await rec.getByRole('button', { name: /^Change status of/ }).click();
    const dialog = stale.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Endorsed' }).click({ force: true });
    await dialog.getByLabel('Reason').fill('Endorsed after all.');
    await dialog.getByRole('button', { name: 'Change status', exact: true }).click();
    await poll(() => dialog.getByRole('alert').textContent())
      .toBe('The platform refused the change: A REJECTED recommendation cannot become ENDORSED; allowed: PROPOSED.');
    await expectAccessible(stale.page, 'a refused status change');
    await stale.ctx.close();
  });

  it('says when the platform cannot be reached, and tries again on request', async () => {
    const ctx = await memberContext(browser, platform, 'demo-practitioner-es');
    const page = await ctx.newPage();
    // Only the workshops' own request fails; the rest of the console answers.
    await page.route('**/graphql', (route) => (route.request().postData()?.includes('WorkshopList') ? route.abort() : route.continue()));
    await page.goto('/workshops');
    await poll(() => page.getByRole('alert').textContent()).toBe('The platform cannot be reached. Check your connection and try again.Try again');
    await expectAccessible(page, 'the workshops list when the platform cannot be reached');
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();
    await poll(() => listedTitles(page)).toEqual([BARCELONA_TITLE, DUBLIN_TITLE]);
    await ctx.close();
  });

  it('fits a phone screen', async () => {
    const { ctx, page } = await openAs('demo-manager-es', BARCELONA, PHONE);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(BARCELONA_TITLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the workshop page on a phone');
    await screenshot(page, 'workshops-phone');
    await page.goto('/workshops/swot-matrix');
    await poll(() => page.getByTestId('matrix-summary').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the SWOT matrix on a phone');
    await screenshot(page, 'workshops-matrix-phone');
    await ctx.close();
  });

  // Last: the workshop it creates would change the lists the tests above expect.
  it('labels a workshop\'s outputs with the language the workshop records, whatever the console speaks', async () => {
    const created = await platform.query<any>(`mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`, { input: {
      title: 'Taller de comunicación en crisis', theme: 'Comunicación en crisis', city: 'ES-CT-BCN', startsOn: '2026-10-01', endsOn: '2026-10-01',
      organiser: 'es-ct-mossos', topics: ['COMMUNICATION'], participantCount: 9, summary: 'Unidades catalanas compararon sus avisos.',
      language: 'es', visibility: 'MEMBERS',
    } }, 'demo-manager-es');
    expect(created.errors).toBeUndefined();
    const id = created.data!.createWorkshop.id;
    const outputs = await platform.query<any>(`mutation($id: ID!) {
      addSwotItems(workshop: $id, items: [{ topic: COMMUNICATION, quadrant: STRENGTH, statement: "Avisos rápidos en varios idiomas." }]) { id }
      addRecommendation(workshop: $id, input: { statement: "Planificar los avisos de crisis.", rationale: "Ayuda a todos.", addressees: [LEAS], priority: HIGH }) { id }
    }`, { id }, 'demo-manager-es');
    expect(outputs.errors).toBeUndefined();
    const [itemId, recId] = [outputs.data!.addSwotItems[0].id, outputs.data!.addRecommendation.id];

    const { ctx, page, errors } = await openAs('demo-admin', `/workshops/${id}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Taller de comunicación en crisis');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('es');
    expect(await page.locator('.ws-summary').getAttribute('lang')).toBe('es');
    expect(await item(page, itemId).locator('.ws-statement').getAttribute('lang')).toBe('es');
    const rec = recommendation(page, recId);
    expect(await rec.getByRole('heading', { level: 3 }).getAttribute('lang')).toBe('es');
    // The console's own words around them stay in the console's language.
    expect(await page.getByRole('heading', { name: 'Recommendations' }).getAttribute('lang')).toBeNull();
    await rec.getByRole('button', { name: /^Change status of/ }).click();
    expect(await page.getByRole('dialog').locator('.ws-dialog-statement').getAttribute('lang')).toBe('es');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/workshops');
    await poll(() => page.getByRole('link', { name: 'Taller de comunicación en crisis' }).getAttribute('lang')).toBe('es');
    expect(await page.getByRole('link', { name: BARCELONA_TITLE }).getAttribute('lang')).toBe('en');
    expect(errors()).toEqual([]);
    await ctx.close();
  });
});
