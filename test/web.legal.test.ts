import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, NO_CHROMIUM, openPage, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Legal frameworks and contributions: the list and its filters by tier, a framework page with its identifiers and
// provisions, transposition of a directive (map and table), legal positions compared, and the contribution journey —
// a platform partner proposes an amendment, a reviewer from another organisation accepts it, the provision's new
// version shows and the procedures citing it need review. Expected values are written out from seeds/data/*.json.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const openAs = (member: string | null, path: string, viewport?: typeof PHONE) => openPage(browser, platform, member, path, viewport);

/** The short titles of the frameworks listed, in order. */
const listed = (page: Page) => page.locator('.legal-card h2').allInnerTexts();

// Art. 4 of the Law Enforcement Directive, version 1 (seeds/data/legal.json).
const ART4 = 'Competent authorities must process personal data lawfully and fairly, only for specified, explicit and legitimate purposes, limited to what is adequate, relevant and not excessive, accurate and kept up to date, kept identifiable no longer than needed, and securely. Later use for another law-enforcement purpose needs a legal basis and must be necessary and proportionate, and the controller must be able to show it complies.';
const ADDED = ' Monitoring of public social-media posts is processing too and follows these principles.';

describe.skipIf(NO_CHROMIUM)(`legal frameworks and contributions ${NO_CHROMIUM ?? ''}`, { timeout: 240_000 }, () => {
  it('lists frameworks by tier: a guideline filter shows a partner, a practitioner and a manager only what their tier allows', async () => {
    const partner = await openAs('demo-partner', '/legal');
    await poll(() => h1(partner.page).textContent()).toBe('Legal frameworks');
    // 34 public frameworks and one shared with members; the LEA and MANAGEMENT guidelines are not there.
    await poll(() => partner.page.getByText(/^\d+ frameworks?$/).textContent()).toBe('35 frameworks');
    await expectAccessible(partner.page, 'the frameworks list as a partner');
    await screenshot(partner.page, 'legal-list');
    await partner.page.goto('/legal?kind=GUIDELINE');
    await poll(() => listed(partner.page)).toEqual(['DSA Art. 18 practice note (illustrative)']);
    // A framework above the partner's tier is not found, as if it did not exist.
    await partner.page.goto('/legal/frameworks/es-ct-osint-guideline-2024');
    await poll(() => partner.page.getByRole('alert').textContent()).toBe('This framework does not exist, was not in force then, or you may not see it.');
    await expectAccessible(partner.page, 'a framework the partner may not see');
    expect(partner.errors()).toEqual([]);
    await partner.ctx.close();

    // A practitioner of Catalonia sees the LEA guideline restricted to Spain, never the management-tier one.
    const practitioner = await openAs('demo-practitioner-es', '/legal?kind=GUIDELINE');
    await poll(() => listed(practitioner.page)).toEqual(expect.arrayContaining(['OSINT guideline (illustrative)', 'DSA Art. 18 practice note (illustrative)']));
    expect(await listed(practitioner.page)).not.toContain('Covert accounts guideline (illustrative)');
    expect(await listed(practitioner.page)).toHaveLength(2);
    await practitioner.ctx.close();

    // A Bavarian manager sees the management guideline, not the one restricted to Spain.
    const manager = await openAs('demo-manager-de', '/legal?kind=GUIDELINE');
    await poll(() => listed(manager.page).then((l) => [...l].sort())).toEqual(['Covert accounts guideline (illustrative)', 'DSA Art. 18 practice note (illustrative)']);
    await manager.ctx.close();
  });

  it('filters with the form (jurisdiction, kind, topic, in force on a date) and keeps the filters in the URL', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-de', '/legal');
    await poll(() => page.getByText(/^\d+ frameworks?$/).textContent()).toBe('35 frameworks');
    await page.getByRole('button', { name: /Kind/ }).click();
    await page.getByRole('option', { name: 'Regulation' }).click();
    await page.getByRole('button', { name: /Topic/ }).click();
    await page.getByRole('option', { name: 'Platform duties' }).click();
    await page.getByLabel('In force on').fill('2022-01-01');
    await page.getByRole('button', { name: 'Show frameworks' }).click();
    await page.waitForURL('**/legal?kind=REGULATION&topic=PLATFORM_DUTIES&at=2022-01-01');
    // The DSA entered into force on 16 Nov 2022, the TCO Regulation on 6 Jun 2021.
    await poll(() => listed(page)).toEqual(['Terrorist Content Online Regulation (TCO)']);
    await page.getByLabel('In force on').fill('');
    await page.getByRole('button', { name: 'Show frameworks' }).click();
    await poll(() => listed(page).then((l) => [...l].sort())).toEqual(['Digital Services Act (DSA)', 'Terrorist Content Online Regulation (TCO)']);
    await page.goto('/legal?j=ES');
    await poll(() => listed(page)).toEqual(['Ley Orgánica 7/2021, de 26 de mayo']);
    expect(await page.getByRole('link', { name: 'Ley Orgánica 7/2021, de 26 de mayo' }).getAttribute('lang')).toBe('es');
    await page.goto('/legal?kind=CASE_LAW');
    await poll(() => page.getByText('No framework you may see matches these filters.').count()).toBe(1);
    await expectAccessible(page, 'the frameworks list with no result');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows a framework with its official identifiers as links, the directive it transposes and its provisions', async () => {
    const { ctx, page, errors } = await openAs(null, '/legal/frameworks/gb-dpa-2018');
    await poll(() => h1(page).textContent()).toBe('Data Protection Act 2018, Part 3');
    expect(await page.getByRole('link', { name: 'Law Enforcement Directive (LED)' }).getAttribute('href')).toBe('/legal/frameworks/eu-2016-680');
    // s. 62 has two versions: the second came from the partner's accepted contribution.
    const s62 = page.locator('[data-provision="gb-dpa-2018-s-62"]');
    expect(await s62.locator('p.muted').first().textContent()).toMatch(/^Version 2 · in force since 1 Mar 2025/);
    await s62.getByText('History: 2 versions').click();
    // Anonymous visitors are not told who members are: the version says nothing of who proposed it.
    expect(await s62.getByText(/proposed by/).count()).toBe(0);
    await poll(() => s62.locator('.legal-diff-summary').textContent()).toMatch(/^\d+ changes? between version 1 and version 2\.$/);
    await poll(() => s62.locator('ins').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a framework page with a provision\'s history open');
    await screenshot(page, 'legal-framework-history');

    await page.goto('/legal/frameworks/eu-2016-680');
    await poll(() => h1(page).textContent()).toBe('Law Enforcement Directive (LED)');
    expect(await page.getByRole('link', { name: '32016L0680' }).getAttribute('href')).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680');
    expect(await page.getByRole('link', { name: 'http://data.europa.eu/eli/dir/2016/680/oj' }).getAttribute('href')).toBe('http://data.europa.eu/eli/dir/2016/680/oj');
    expect(await page.getByRole('heading', { name: '6 provisions' }).count()).toBe(1);
    // Anonymous visitors read, they do not contribute.
    expect(await page.getByRole('link', { name: /^Propose a change/ }).count()).toBe(0);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows the transposition of a directive as a coloured map with the table beside it, each act linked', async () => {
    const { ctx, page, errors } = await openAs(null, '/legal/transposition');
    await poll(() => h1(page).textContent()).toBe('Transposition of the Law Enforcement Directive (LED)');
    await poll(() => page.getByTestId('transposition-summary').textContent()).toBe('Transposed in 27 member states, missing in 0; 1 outside the Union carry it over.');
    const table = page.getByRole('region', { name: 'Transposition of the Law Enforcement Directive (LED) by state' });
    expect(await table.locator('tbody tr').count()).toBe(28);
    const spain = table.locator('tr[data-code="ES"]');
    expect(await spain.innerText()).toContain('Transposed');
    expect(await spain.getByRole('link', { name: 'Ley Orgánica 7/2021, de 26 de mayo' }).getAttribute('href')).toBe('/legal/frameworks/es-lo-7-2021');
    const uk = table.locator('tr[data-code="GB"]');
    expect(await uk.innerText()).toContain('Outside the Union');
    await page.locator('[data-testid=europe-map] path[data-code="ES"]').waitFor();
    expect(await page.locator('[data-testid=europe-map] path[data-code="ES"]').getAttribute('data-status')).toBe('TRANSPOSED');
    expect(await page.locator('[data-testid=europe-map] path[data-code="GB"]').getAttribute('data-status')).toBe('OUTSIDE');
    await expectAccessible(page, 'the transposition of the LED');
    await screenshot(page, 'legal-transposition');

    // The e-Evidence Directive has no transposing act recorded anywhere.
    await page.goto('/legal/transposition/eu-2023-1544');
    await poll(() => page.getByTestId('transposition-summary').textContent()).toBe('Transposed in 0 member states, missing in 27; 0 outside the Union carry it over.');
    expect(await page.locator('[data-testid=europe-map] path[data-code="DE"]').getAttribute('data-status')).toBe('MISSING');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('compares legal positions across jurisdictions in the procedures\' matrix, each cell linked to its provision', async () => {
    const { ctx, page, errors } = await openAs('demo-practitioner-de', '/legal/compare?topic=MONITORING&j=ES,DE,IT');
    const matrix = page.getByRole('region', { name: /legal positions in force on .*, by dimension and jurisdiction$/ });
    await poll(() => matrix.locator('thead th[data-code]').count()).toBe(3);
    const retention = matrix.locator('tr[data-dimension="retention_limit_days"]');
    expect((await retention.locator('td').allInnerTexts()).map((s) => s.replace(/\D/g, ''))).toEqual(['180', '90', '90']);
    expect(await retention.getByText('Differs').count()).toBe(1);
    const judicial = matrix.locator('tr[data-dimension="prior_judicial_authorisation_for_monitoring"]');
    expect(await judicial.locator('td').allInnerTexts()).toEqual(['No', 'No', 'Yes']);
    expect(await retention.locator('td').first().getByRole('link').getAttribute('href')).toBe('/legal/frameworks/es-lo-7-2021#provision-es-lo-7-2021-led');
    await expectAccessible(page, 'legal positions compared');
    await screenshot(page, 'legal-compare');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('a partner proposes an amendment, a reviewer starts the review and accepts it: the new version shows and the procedures citing it need review', async () => {
    // Before: the Catalan monitoring procedure cites LED Art. 4 and is current.
    const before = await openAs('demo-reviewer', '/procedures/proc-es-ct-monitoring');
    await poll(() => before.page.getByRole('list', { name: 'Status' }).textContent()).toMatch(/In force/);
    expect(await before.page.getByRole('list', { name: 'Status' }).textContent()).not.toContain('Needs review');
    await before.ctx.close();

    const partner = await openAs('demo-partner', '/legal/frameworks/eu-2016-680');
    await poll(() => h1(partner.page).textContent()).toBe('Law Enforcement Directive (LED)');
    await partner.page.getByRole('link', { name: 'Propose a change to Art. 4' }).click();
    await partner.page.waitForURL('**/legal/contribute/eu-2016-680-art-4');
    await poll(() => h1(partner.page).textContent()).toBe('Propose a change to Art. 4');
    const text = partner.page.getByRole('textbox', { name: 'Proposed text' });
    await poll(() => text.inputValue()).toBe(ART4);
    // Nothing is sent until the form is valid: unchanged text and no rationale are refused in the browser.
    await partner.page.getByRole('button', { name: 'Send for review' }).click();
    await poll(() => partner.page.getByText('The proposed text is the same as the current text: change it first.').count()).toBe(1);
    expect(await partner.page.getByText('Explain why, in at least 10 characters.').count()).toBe(1);
    await expectAccessible(partner.page, 'the contribution form with errors');
    await text.fill(ART4 + ADDED);
    await poll(() => partner.page.locator('.legal-preview ins').innerText()).toContain('Monitoring of public social-media posts');
    await partner.page.getByRole('textbox', { name: 'Rationale' }).fill('Practitioners ask whether public posts are covered.');
    await expectAccessible(partner.page, 'the contribution form filled in');
    await screenshot(partner.page, 'legal-contribute');
    await partner.page.getByRole('button', { name: 'Send for review' }).click();
    await partner.page.waitForURL('**/legal/contributions');
    await poll(() => partner.page.getByRole('status').filter({ hasText: 'Your contribution was sent for review.' }).count()).toBe(1);
    const mine = partner.page.locator('.legal-contribution').filter({ hasText: 'Law Enforcement Directive (LED), Art. 4' });
    await poll(() => mine.locator('[data-status]').textContent()).toBe('Submitted');
    expect(await mine.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    // The partner's seeded contributions with their statuses.
    expect(await partner.page.locator('.legal-contribution [data-status]').allInnerTexts()).toEqual(expect.arrayContaining(['Accepted', 'Under review', 'Withdrawn']));
    await expectAccessible(partner.page, 'my contributions');
    await screenshot(partner.page, 'legal-my-contributions');
    // A partner has no review queue.
    expect(await partner.page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await partner.page.goto('/legal/review');
    await poll(() => partner.page.getByRole('alert').textContent()).toBe('The review queue is for reviewers.');
    await partner.ctx.close();

    const reviewer = await openAs('demo-reviewer', '/legal');
    await reviewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    await reviewer.page.waitForURL('**/legal/review');
    const item = reviewer.page.locator('.legal-contribution').filter({ hasText: 'Law Enforcement Directive (LED), Art. 4' });
    await poll(() => item.locator('[data-status]').textContent()).toBe('Submitted');
    // Current and proposed text side by side, the addition marked.
    const sides = item.getByRole('group', { name: 'Current text and proposed text side by side' });
    expect(await sides.locator('ins').innerText()).toContain('Monitoring of public social-media posts is processing too');
    expect(await sides.locator('.legal-side-label').allInnerTexts()).toEqual(['Current text (version 1)'.toUpperCase(), 'Proposed text'.toUpperCase()]);
    await expectAccessible(reviewer.page, 'the review queue');
    await screenshot(reviewer.page, 'legal-review-queue');
    await item.getByRole('button', { name: 'Start review' }).click();
    await poll(() => reviewer.page.getByTestId('review-outcome').textContent()).toBe('Review started: Law Enforcement Directive (LED), Art. 4.');
    await poll(() => item.locator('[data-status]').textContent()).toBe('Under review');
    // Rejecting needs a reason: refused before anything is sent.
    await item.getByRole('button', { name: 'Reject' }).click();
    await poll(() => item.getByText('Give a reason to reject.').count()).toBe(1);
    await expectAccessible(reviewer.page, 'a contribution under review with a missing reason');
    await item.getByRole('button', { name: 'Accept' }).click();
    await poll(() => reviewer.page.getByTestId('review-outcome').textContent()).toMatch(/^Accepted: Law Enforcement Directive \(LED\), Art\. 4 now reads as proposed \(version 2\)\./);
    await reviewer.page.getByTestId('review-outcome').getByRole('link', { name: 'See Law Enforcement Directive (LED)' }).click();
    await reviewer.page.waitForURL('**/legal/frameworks/eu-2016-680#provision-eu-2016-680-art-4');
    const art4 = reviewer.page.locator('[data-provision="eu-2016-680-art-4"]');
    await poll(() => art4.locator('.legal-text').textContent()).toBe(ART4 + ADDED);
    expect(await art4.locator('p.muted').first().textContent()).toMatch(/^Version 2 · in force since/);
    await art4.getByText('History: 2 versions').click();
    await poll(() => art4.locator('.legal-diff ins').innerText()).toContain('Monitoring of public social-media posts is processing too');
    expect(await art4.getByText('proposed by Sam Moreau (demo)').count()).toBe(1);
    await expectAccessible(reviewer.page, 'the framework page with the new version');
    await screenshot(reviewer.page, 'legal-new-version');

    // The procedures citing Art. 4 now need review (the legal subgraph's event reaches the procedures subgraph).
    for (const id of ['proc-es-ct-monitoring', 'proc-fr-monitoring']) {
      await reviewer.page.goto(`/procedures/${id}`);
      await poll(async () => {
        await reviewer.page.reload();
        await reviewer.page.getByRole('list', { name: 'Status' }).waitFor();
        return reviewer.page.getByRole('list', { name: 'Status' }).textContent();
      }).toContain('Needs review');
    }
    await screenshot(reviewer.page, 'legal-procedure-needs-review');
    // One that does not cite it stays current.
    await reviewer.page.goto('/procedures/proc-de-communication');
    await reviewer.page.getByRole('list', { name: 'Status' }).waitFor();
    expect(await reviewer.page.getByRole('list', { name: 'Status' }).textContent()).not.toContain('Needs review');
    expect(reviewer.errors()).toEqual([]);
    await reviewer.ctx.close();
  });

  it('shows the conflict-of-interest rule as a disabled action with its reason, and lets an author withdraw', async () => {
    const own = await platform.query<{ submitContribution: { id: string } }>(
      `mutation { submitContribution(input: { kind: COMMENT, target: "eu-2016-680-art-36", proposedText: "Adequacy decisions are listed on the Commission's site.", rationale: "Helps find the current list." }) { id } }`,
      {}, 'demo-reviewer');
    expect(own.errors).toBeUndefined();
    const { ctx, page, errors } = await openAs('demo-reviewer', '/legal/review');
    const item = page.locator(`[data-contribution="${own.data!.submitContribution.id}"]`);
    const start = item.getByRole('button', { name: 'Start review' });
    await start.waitFor();
    expect(await start.isDisabled()).toBe(true);
    expect(await item.getByText('You wrote this contribution: nobody reviews their own.').count()).toBe(1);
    const describedBy = await start.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('You wrote this contribution: nobody reviews their own.');
    await expectAccessible(page, 'the review queue with a disabled action');
    await screenshot(page, 'legal-review-conflict');

    // A Europol unit's comment: a different agency, but the same organisation, which only the API can tell.
    const invited = await platform.query(`mutation { inviteMember(input: { id: "web-iru-analyst", displayName: "IRU analyst",
      email: "web-iru-analyst@iru.example", agency: "eu-europol-iru", tier: PRACTITIONER }) { id } }`, {}, 'demo-admin');
    expect(invited.errors).toBeUndefined();
    const unit = await platform.query<{ submitContribution: { id: string } }>(
      `mutation { submitContribution(input: { kind: COMMENT, target: "eu-2016-680-art-36", proposedText: "Referral units keep their own adequacy notes.", rationale: "They are asked about it weekly." }) { id } }`,
      {}, 'web-iru-analyst');
    expect(unit.errors).toBeUndefined();
    await page.reload();
    const unitItem = page.locator(`[data-contribution="${unit.data!.submitContribution.id}"]`);
    const unitStart = unitItem.getByRole('button', { name: 'Start review' });
    await unitStart.waitFor();
    expect(await unitStart.isDisabled()).toBe(true);
    const unitReason = page.locator(`[id="${await unitStart.getAttribute('aria-describedby')}"]`);
    expect(await unitReason.textContent()).toBe('Written in your own organisation: a reviewer from another organisation must review it.');
    // A partner's comment stays open to a Europol reviewer.
    const partnerStart = page.locator('[data-contribution="contrib-seed-submitted"]').getByRole('button', { name: 'Start review' });
    expect(await partnerStart.isDisabled()).toBe(false);
    expect(await partnerStart.getAttribute('aria-describedby')).toBeNull();
    await unitItem.scrollIntoViewIfNeeded();
    await screenshot(page, 'legal-review-conflict-organisation');

    // The reviewer withdraws their own comment from "My contributions".
    await page.goto('/legal/contributions');
    const mine = page.locator(`[data-contribution="${own.data!.submitContribution.id}"]`);
    await mine.getByRole('button', { name: 'Withdraw' }).click();
    await poll(() => mine.locator('[data-status]').textContent()).toBe('Withdrawn');
    expect(await mine.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows the API\'s refusal as a sentence, the error state when the list fails, and fits a phone', async () => {
    const { ctx, page } = await openAs('demo-partner', '/legal/contribute/eu-2016-680-art-8');
    await poll(() => h1(page).textContent()).toBe('Propose a change to Art. 8');
    await page.route('**/graphql', (route) => (route.request().postData()?.includes('LegalSubmitContribution')
      ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'visibility must be MEMBERS or stricter for this contribution.', extensions: { code: 'BAD_USER_INPUT' } }] }) })
      : route.fallback()));
    await page.getByRole('radio', { name: 'Comment' }).click({ force: true });
    await page.getByRole('textbox', { name: 'Comment' }).fill('A comment on lawfulness.');
    await page.getByRole('textbox', { name: 'Rationale' }).fill('Worth discussing in training.');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('visibility must be MEMBERS or stricter for this contribution.');
    await ctx.close();

    const failing = await openAs('demo-partner', '/legal');
    await failing.page.route('**/graphql', (route) => (route.request().postData()?.includes('LegalFrameworks')
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' })
      : route.fallback()));
    await failing.page.reload();
    await poll(() => failing.page.getByRole('alert').innerText()).toMatch(/problem answering|cannot be reached/);
    expect(await failing.page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await expectAccessible(failing.page, 'the frameworks list in its error state');
    await failing.ctx.close();

    const phone = await openAs('demo-reviewer', '/legal/transposition', PHONE);
    await poll(() => phone.page.getByTestId('transposition-summary').count()).toBe(1);
    await phone.page.locator('[data-testid=europe-map]').waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page, 'the transposition on a phone');
    await screenshot(phone.page, 'legal-phone');
    await phone.ctx.close();
  });
});
