import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { proceduresSeed } from '../seeds/procedures.ts';
import { amendProvisionAsReviewer } from './support/amendment.ts';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Training: a trainer's curricula and assignments, a member's own assignments and module results, and the training
// report, each as the member it is for. Figures are written out from seeds/data/training.json and directory.json.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const WAIT = { timeout: 30_000 };
const OSINT = 'Open-source intelligence basics';
const MOSSOS = "Mossos d'Esquadra – Police of the Generalitat of Catalonia";
/** A due date in the future for as long as these seeds are used. */
const DUE = '2027-06-30';

const seededTitle = (id: string) => [...proceduresSeed.procedures.find((p) => p.id === id)!.versions].reverse().find((v) => v.status !== 'DRAFT')!.title;

/** Waits until nothing on the page says it is loading. */
async function settled(page: Page) {
  await expect.poll(() => page.getByRole('main').getByText('Loading…').count(), WAIT).toBe(0);
}

/** The report's table as text, row by row: tier, then its cells. */
async function reportRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Completion by tier' });
  await table.waitFor(WAIT);
  return table.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

async function openReport(page: Page, query: string) {
  await page.goto(`/training/report?${query}`);
  await page.getByRole('table', { name: 'Completion by tier' }).waitFor(WAIT);
  await settled(page);
}

/**
 * Picks an option of a React Aria select by its label. A select's options may still be loading (a unit list follows the
 * jurisdiction chosen just before): opened too early it lists nothing, so it is closed and opened again until they show.
 */
async function choose(page: Page, label: string, option: string) {
  const wanted = page.getByRole('option', { name: option, exact: true });
  await expect.poll(async () => {
    await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
    if (await wanted.waitFor({ timeout: 2_000 }).then(() => true, () => false)) return true;
    await page.keyboard.press('Escape');
    return false;
  }, { ...WAIT, interval: 250 }).toBe(true);
  await wanted.click();
}

describe.skipIf(NO_CHROMIUM)(`training ${NO_CHROMIUM ?? ''}`, () => {
  it('shows a trainer the curricula by audience, and a curriculum with its modules, outcomes, validity, procedures and laws', async () => {
    const context = await memberContext(browser, platform, 'demo-trainer');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/training/curricula');
    await page.getByRole('heading', { name: 'For everyone' }).waitFor(WAIT);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['For everyone', 'For practitioners', 'For managers']);
    const region = (name: string) => page.getByRole('region', { name });
    expect(await region('For everyone').getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Two-way citizen engagement on social media']);
    expect(await region('For practitioners').getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Investigating online hate speech and harassment', 'Legal limits of monitoring', OSINT]);
    expect(await region('For managers').getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Social media and public security: threats, opportunities and building specialised units']);
    expect(await page.getByRole('heading', { name: 'Legal limits of monitoring' }).getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'the curricula');
    await screenshot(page, 'training-curricula');

    await page.getByRole('link', { name: OSINT }).click();
    await page.getByRole('heading', { level: 1, name: OSINT }).waitFor(WAIT);
    expect(await page.title()).toBe(`${OSINT} · Eunomia`);
    expect(await page.getByRole('definition').allTextContents()).toEqual(['For practitioners', '24 months', '12', 'English', 'Law enforcement', 'Investigation', '1']);
    expect(await page.getByRole('region', { name: 'Modules' }).getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Search planning and operational security', 'Capturing and preserving evidence', 'Source evaluation exercise']);
    expect(await page.getByRole('region', { name: 'Learning outcomes' }).getByRole('listitem').first().textContent()).toBe('Plan an open-source search with a documented purpose');
    const procedures = page.getByRole('region', { name: 'Procedures it teaches' }).getByRole('link');
    expect(await procedures.count()).toBe(3);
    expect(await procedures.evaluateAll((a) => a.map((x) => x.getAttribute('href')).sort())).toEqual(['/procedures/proc-de-investigation', '/procedures/proc-es-investigation', '/procedures/proc-nl-investigation']);
    expect(await page.getByRole('region', { name: 'Laws it relates to' }).getByRole('link').allTextContents()).toEqual(['Law Enforcement Directive (LED)']);
    expect(await page.getByRole('link', { name: 'Assign to members or a unit' }).getAttribute('href')).toBe('/training/curricula/cur-osint-basics/assign');
    await expectAccessible(page, 'a curriculum, trainer');
    await screenshot(page, 'training-curriculum');
    expect(errors()).toEqual([]);
    await context.close();
  }, 180_000);

  it('a practitioner cannot assign: the action is disabled with the reason, and the assign screen refuses them', async () => {
    const context = await memberContext(browser, platform, 'demo-practitioner-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/training/curricula/cur-osint-basics');
    await page.getByRole('heading', { level: 1, name: OSINT }).waitFor(WAIT);
    const action = page.getByRole('button', { name: 'Assign to members or a unit' });
    expect(await action.isDisabled()).toBe(true);
    const reasonId = await action.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reasonId}"]`).textContent()).toBe('Only trainers can assign training.');
    expect(await page.getByRole('link', { name: 'Assign to members or a unit' }).count()).toBe(0);
    // No training report link is hidden from law-enforcement staff, and the navigation offers training to members.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(
      ['Home', 'Search', 'Compare procedures', 'Legal frameworks', 'Workshops', 'Training', 'Training report', 'New procedure']);
    await expectAccessible(page, 'a curriculum, practitioner');

    await page.goto('/training/curricula/cur-osint-basics/assign');
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toBe('Only trainers can assign training.');
    expect(await page.getByLabel('Due date').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Review the assignment/ }).count()).toBe(0);
    await expectAccessible(page, 'the assign screen, practitioner');
    expect(errors()).toEqual([]);
    await context.close();

    // A partner is offered training but no report, and the report refuses them.
    const partner = await memberContext(browser, platform, 'demo-partner');
    const p = await partner.newPage();
    await p.goto('/training/report');
    await expect.poll(() => p.getByRole('alert').textContent(), WAIT).toBe('Training reports are for law-enforcement staff.');
    expect(await p.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Home', 'Search', 'Compare procedures', 'Legal frameworks', 'Workshops', 'Training']);
    await partner.close();
  }, 180_000);

  it('trainer assigns a curriculum to a whole unit, a member of it records a module, and the report changes', async () => {
    const trainer = await memberContext(browser, platform, 'demo-trainer');
    const page = await trainer.newPage();
    const errors = collectPageErrors(page);

    // The Mossos unit before: practitioners 3 assigned (1 completed, 1 overdue, 1 not started), managers 2.
    await openReport(page, 'j=ES-CT&agency=es-ct-mossos');
    expect(await reportRows(page)).toEqual([
      ['Practitioner', '3', '1', '0', '1', '1', '33%'],
      ['Manager', '2', '0', '0', '1', '1', '50%'],
      ['All tiers', '5', '1', '0', '2', '2', '40%'],
    ]);

    // Assign OSINT basics (for practitioners) to the whole unit: the count is shown before confirming.
    await page.goto('/training/curricula/cur-osint-basics/assign');
    await page.getByRole('heading', { level: 1, name: 'Assign a curriculum' }).waitFor(WAIT);
    await page.getByRole('button', { name: /Review the assignment/ }).click();
    expect(await page.getByText('Choose a unit.').count()).toBe(1);
    expect(await page.getByText('Enter a due date.').count()).toBe(1);
    await expectAccessible(page, 'the assign screen with errors');
    await choose(page, 'Jurisdiction', 'Catalonia');
    await choose(page, 'Unit', MOSSOS);
    const preview = page.getByTestId('unit-preview');
    await expect.poll(() => preview.textContent(), WAIT).toContain('3 members will be assigned:');
    expect(await preview.textContent()).toBe('3 members will be assigned: Laia Puig (demo), Marta Soler (illustrative) and Pau Vidal (illustrative).'
      + "2 are outside the course's audience and are left out: Jordi Ferrer (demo) and Núria Roca (illustrative).");
    await page.getByLabel('Due date').fill(DUE);
    await page.getByRole('button', { name: 'Review the assignment' }).click();
    const confirm = page.getByTestId('assign-confirm');
    expect(await confirm.getByRole('paragraph').textContent()).toBe(`“${OSINT}” will be assigned to 3 members, due 30 Jun 2027.`);
    await expectAccessible(page, 'the assign screen, confirming');
    await screenshot(page, 'training-assign-unit');
    await confirm.getByRole('button', { name: 'Confirm: assign to 3 members' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Assigned to' }).textContent(), WAIT).toBe('Assigned to 3 members.');

    // Now everyone in the audience holds it: the preview says so, and nothing is assigned twice.
    await expect.poll(() => preview.textContent(), WAIT).toContain('0 members will be assigned:');
    expect(await preview.textContent()).toContain('3 already have it open and will not be assigned again: Laia Puig (demo), Marta Soler (illustrative) and Pau Vidal (illustrative).');
    await page.getByRole('button', { name: 'Review the assignment' }).click();
    expect(await page.getByText('Nobody in this unit would be assigned.').count()).toBe(1);

    // Chosen members: a manager is flagged outside the audience; a member who holds it already is reported, not re-assigned.
    await page.getByText('Chosen members of a unit').click();
    expect(await page.getByRole('radio', { name: 'Chosen members of a unit' }).isChecked()).toBe(true);
    const members = page.getByRole('group', { name: 'Members' });
    await members.waitFor(WAIT);
    expect(await members.getByRole('checkbox').count()).toBe(5);
    await members.getByText('Laia Puig (demo)').click();
    await members.getByText('Jordi Ferrer (demo)').click();
    expect(await members.locator('label', { hasText: 'Jordi Ferrer (demo)' }).textContent()).toBe('Jordi Ferrer (demo)ManagerNot the audience (For practitioners)');
    expect(await members.locator('label', { hasText: 'Laia Puig (demo)' }).textContent()).toBe('Laia Puig (demo)PractitionerAlready assigned');
    expect(await page.getByText("Jordi Ferrer (demo) is outside the course's audience (For practitioners).").count()).toBe(1);
    await expectAccessible(page, 'the assign screen, members with a tier mismatch');
    await screenshot(page, 'training-assign-members');
    await page.getByRole('button', { name: 'Review the assignment' }).click();
    await page.getByRole('button', { name: 'Confirm: assign to 1 member' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Assigned to' });
    await expect.poll(() => result.textContent(), WAIT).toBe('Assigned to 1 member.1 member already had this course open and was not assigned it again.');

    // The report: practitioners 3 more assigned, not started.
    await openReport(page, 'j=ES-CT&agency=es-ct-mossos');
    expect(await reportRows(page)).toEqual([
      ['Practitioner', '6', '4', '0', '1', '1', '17%'],
      ['Manager', '3', '1', '0', '1', '1', '33%'],
      ['All tiers', '9', '5', '0', '2', '2', '22%'],
    ]);
    expect(await page.locator('[data-tier="PRACTITIONER"] [data-segment="inProgress"]').count()).toBe(0);

    // The member records the first module of their new assignment.
    const member = await memberContext(browser, platform, 'demo-practitioner-es');
    const mine = await member.newPage();
    const memberErrors = collectPageErrors(mine);
    await mine.goto('/training');
    const card = mine.getByRole('article', { name: OSINT });
    await card.waitFor(WAIT);
    expect(await card.getByRole('definition').allTextContents()).toEqual(['Not started', '30 Jun 2027', '0 of 3 modules passed']);
    const first = card.locator('[data-module="cur-osint-basics-m1"]');
    await first.getByRole('button', { name: 'Record as completed' }).click();
    expect(await first.getByText('Enter your score: this module is scored.').count()).toBe(1);
    await first.getByLabel('Your score (0–100)').fill('150');
    await first.getByRole('button', { name: 'Record as completed' }).click();
    expect(await first.getByText('Enter a whole number from 0 to 100.').count()).toBe(1);
    await expectAccessible(mine, 'my training, a score refused before sending');
    await first.getByLabel('Your score (0–100)').fill('82');
    await first.getByRole('button', { name: 'Record as completed' }).click();
    await expect.poll(() => card.getByRole('definition').allTextContents(), WAIT).toEqual(['In progress', '30 Jun 2027', '1 of 3 modules passed']);
    expect(await first.getByText('Passed').count()).toBe(1);
    expect(await first.getByText('Score 82').count()).toBe(1);
    expect(await first.getByRole('button', { name: 'Record as completed' }).count()).toBe(0);
    await expectAccessible(mine, 'my training after recording a module');
    await screenshot(mine, 'training-mine');
    expect(memberErrors()).toEqual([]);
    await member.close();

    // The trainer's report: one practitioner moved from not started to in progress, in the table and the chart.
    await openReport(page, 'j=ES-CT&agency=es-ct-mossos');
    expect(await reportRows(page)).toEqual([
      ['Practitioner', '6', '3', '1', '1', '1', '17%'],
      ['Manager', '3', '1', '0', '1', '1', '33%'],
      ['All tiers', '9', '4', '1', '2', '2', '22%'],
    ]);
    expect(await page.locator('[data-tier="PRACTITIONER"] [data-segment="inProgress"]').textContent()).toBe('1');
    expect(await page.locator('[data-tier="PRACTITIONER"] [data-segment="notStarted"]').textContent()).toBe('3');
    expect(await page.getByRole('img', { name: /^Completion by tier/ }).getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('svg desc').textContent()).toBe('Practitioner: 6 assigned, 1 completed, 1 in progress, 3 not started, 1 overdue. '
      + 'Manager: 3 assigned, 1 completed, 0 in progress, 1 not started, 1 overdue.');
    expect(await page.getByTestId('overdue-members').getByRole('listitem').allTextContents()).toEqual([
      `Jordi Ferrer (demo) · ${MOSSOS}`, `Marta Soler (illustrative) · ${MOSSOS}`]);
    expect(await page.getByText('Every overdue member is listed.').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`eunomia-training-es-ct-mossos-${new Date().toISOString().slice(0, 10)}.csv`);
    const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv).toBe('Tier,Assigned,Not started,In progress,Completed,Overdue,Completion,Withheld because\r\n'
      + 'Practitioner,6,3,1,1,1,0.1667,\r\nManager,3,1,0,1,1,0.3333,\r\nAll tiers,9,4,1,2,2,0.2222,\r\n');
    await expectAccessible(page, 'the training report, trainer');
    await screenshot(page, 'training-report');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'the training report on a phone');
    await screenshot(page, 'training-report-phone');
    expect(errors()).toEqual([]);
    await trainer.close();
  }, 300_000);

  it('a trainer outside their scope is refused by the platform, and the refusal is said in a sentence', async () => {
    // Roser Camps trains within Catalonia: a Bavarian unit is outside her scope, so the API answers "not found".
    const context = await memberContext(browser, platform, 'm-trainer-es');
    const page = await context.newPage();
    await page.goto('/training/curricula/cur-osint-basics/assign');
    await page.getByRole('heading', { level: 1, name: 'Assign a curriculum' }).waitFor(WAIT);
    await choose(page, 'Jurisdiction', 'Bavaria');
    await choose(page, 'Unit', 'Bavarian State Police');
    await expect.poll(() => page.getByTestId('unit-preview').textContent(), WAIT).toContain('members will be assigned');
    await page.getByLabel('Due date').fill(DUE);
    await page.getByRole('button', { name: 'Review the assignment' }).click();
    await page.getByRole('button', { name: /^Confirm: assign to/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toBe('This item does not exist, or you may not see it.');
    expect(await page.getByRole('status').filter({ hasText: 'Assigned to' }).count()).toBe(0);
    await expectAccessible(page, 'the assign screen, refused');
    await context.close();
  }, 180_000);

  it('lists only the overdue members the viewer may follow, and shows withheld cells as withheld with the reason', async () => {
    // A Bavarian manager over the whole Union: only his own unit's overdue member is named; four others are counted.
    const context = await memberContext(browser, platform, 'demo-manager-de');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openReport(page, 'j=EU');
    expect(await page.getByTestId('overdue-members').getByRole('listitem').allTextContents()).toEqual(['Lena Hoffmann (demo) · Bavarian State Police']);
    expect(await page.getByText('4 more overdue members are not listed: you may not follow them.').count()).toBe(1);
    const text = await page.getByRole('main').textContent();
    for (const hidden of ['Jordi Ferrer', 'Marta Soler', 'Daan Jansen', 'Camille Martin']) expect(text).not.toContain(hidden);
    await expectAccessible(page, 'the training report, manager over the Union');
    await context.close();

    // A Catalan manager over Spain: a few people he may not follow (Barcelona's city police) make every cell withheld.
    const manager = await memberContext(browser, platform, 'demo-manager-es');
    const p = await manager.newPage();
    await openReport(p, 'j=ES');
    const reason = 'Counts fewer than 5 people you may not follow.';
    expect(await reportRows(p)).toEqual([
      ['Practitioner', `Withheld ${reason}`],
      ['Manager', `Withheld ${reason}`],
      ['All tiers', `Withheld ${reason}`],
    ]);
    expect(await p.locator('[data-tier] .training-chart-withheld-text').allTextContents()).toEqual(['Withheld', 'Withheld']);
    expect(await p.locator('[data-segment]').count()).toBe(0);
    expect(await p.locator('svg desc').textContent()).toBe('Practitioner: withheld. Manager: withheld.');
    expect(await p.getByText('The figures are withheld, so overdue members you may not follow are not counted either.').count()).toBe(1);
    expect(await p.getByTestId('overdue-members').getByRole('listitem').allTextContents()).toEqual([
      `Jordi Ferrer (demo) · ${MOSSOS}`, `Marta Soler (illustrative) · ${MOSSOS}`]);
    await expectAccessible(p, 'the training report, withheld');
    await screenshot(p, 'training-report-withheld');
    expect(errors()).toEqual([]);
    await manager.close();
  }, 180_000);

  it('shows a member a refresher due and which procedure changed, after a provision it cites is amended', async () => {
    const amended = await amendProvisionAsReviewer(platform, 'eu-2016-680-art-25');
    expect(amended.errors).toBeUndefined();
    const context = await memberContext(browser, platform, 'demo-practitioner-es', PHONE);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const card = page.getByRole('article', { name: 'Legal limits of monitoring' });
    // The platform marks the procedure for review and the completion for a refresher asynchronously (outbox).
    await expect.poll(async () => {
      await page.goto('/training');
      await card.waitFor(WAIT);
      return card.getByRole('definition').first().textContent();
    }, { timeout: 60_000, interval: 2_000 }).toBe('Refresher due');
    expect(await card.getByRole('definition').allTextContents()).toEqual(['Refresher due', '30 Apr 2026', '10 Mar 2026', '10 Mar 2027', '2 of 2 modules passed']);
    const reason = card.getByTestId('refresh-reason');
    // Both procedures the course teaches cite the amended article (Spain's and Catalonia's monitoring), by title.
    expect(await reason.getByRole('listitem').allTextContents()).toEqual([
      `${seededTitle('proc-es-monitoring')} (Spain): marked for review after its legal basis changed`,
      `${seededTitle('proc-es-ct-monitoring')} (Catalonia): marked for review after its legal basis changed`]);
    expect(await reason.getByRole('link').evaluateAll((a) => a.map((x) => x.getAttribute('href'))))
      .toEqual(['/procedures/proc-es-monitoring', '/procedures/proc-es-ct-monitoring']);
    // A completed course has nothing left to record.
    expect(await card.getByRole('button', { name: 'Record as completed' }).count()).toBe(0);
    await expectAccessible(page, 'my training with a refresher due, phone');
    await screenshot(page, 'training-refresher-phone');
    expect(errors()).toEqual([]);
    await context.close();
  }, 180_000);
});
