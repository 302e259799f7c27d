import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// Comparing procedures: topic, jurisdictions from the map and the type-ahead, the matrix, CSV, a shareable URL,
// what each kind of member sees (from the API), keyboard only, phone width, and the 27-jurisdiction budget.

const FIVE = '/compare?topic=MONITORING&j=ES-CT,DE,NL,FR,IT';

const COMPARE = `query($topic: Topic!, $j: [ID!]!) { compareProcedures(topic: $topic, jurisdictions: $j) {
  divergentCount csv missing { code } jurisdictions { code }
  rows { divergent dimension { label } cells { jurisdiction { code } value { display } procedure { id } } } } }`;
interface Comparison {
  compareProcedures: {
    divergentCount: number; csv: string; missing: { code: string }[]; jurisdictions: { code: string }[];
    rows: { divergent: boolean; dimension: { label: string }; cells: { jurisdiction: { code: string }; value: { display: string } | null; procedure: { id: string } | null }[] }[];
  };
}
async function apiComparison(topic: string, j: string[], as: string | null) {
  const r = await platform.query<Comparison>(COMPARE, { topic, j }, as);
  expect(r.errors).toBeUndefined();
  return r.data!.compareProcedures;
}

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const matrix = (page: Page) => page.getByRole('region', { name: /procedures in force on .*, by dimension and jurisdiction$/ });
const columnHeaders = (page: Page) => matrix(page).locator('thead th[data-code]');
const waitForMatrix = (page: Page, columns: number) => expect.poll(() => columnHeaders(page).count(), { timeout: 60_000 }).toBe(columns);
/** What the matrix shows, row by row: the dimension's header then each cell's text. */
const matrixText = (page: Page) => matrix(page).locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())));
/** An empty cell: a dash, and for screen readers why it is empty. */
const emptyCell = (procedure: unknown) => (procedure ? '— No value recorded' : '— No procedure in force');

/** Clicks a country on the map with the mouse, at a point of the country itself (not the sea in its bounding box). */
async function clickCountry(page: Page, code: string) {
  const country = page.locator(`[data-testid=europe-map] path[data-code="${code}"]`);
  await country.waitFor();
  const point = await country.evaluate((el) => {
    const box = el.getBoundingClientRect();
    for (let fy = 0.5; fy < 1; fy += 0.05) {
      for (const sy of [1, -1]) {
        for (let fx = 0.5; fx < 1; fx += 0.05) {
          for (const sx of [1, -1]) {
            const x = box.left + box.width * (0.5 + sx * (fx - 0.5));
            const y = box.top + box.height * (0.5 + sy * (fy - 0.5));
            if (document.elementFromPoint(x, y) === el) return { x, y };
          }
        }
      }
    }
    return null;
  });
  expect(point, `a point of ${code} on the map`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

// Browser journeys on a shared 2-core machine: generous test timeouts (the only timing asserted is the 1.5 s budget).
describe.skipIf(NO_CHROMIUM)(`compare procedures ${NO_CHROMIUM ?? ''}`, { timeout: 240_000 }, () => {
  it('a manager compares MONITORING across five jurisdictions chosen on the map and by type-ahead, downloads the CSV and shares the URL', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/compare');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Compare procedures');
    await expect.poll(() => page.getByText('Choose at least one jurisdiction, then Compare.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Compare', exact: true }).isDisabled()).toBe(true);
    await page.locator('[data-testid=europe-map]').waitFor();
    await expectAccessible(page, 'the comparison page with nothing selected');

    await page.getByRole('radio', { name: 'Monitoring' }).click({ force: true });
    const add = page.getByRole('combobox', { name: 'Add a jurisdiction' });
    await add.pressSequentially('Catal');
    await page.getByRole('option', { name: /Catalonia/ }).click();
    for (const code of ['DE', 'NL', 'FR', 'IT']) await clickCountry(page, code);
    const tags = page.getByRole('grid', { name: /jurisdictions selected/ }).getByRole('row');
    await expect.poll(() => tags.allInnerTexts().then((t) => t.map((s) => s.replace(/\s*×\s*$/, '')))).toEqual(['Catalonia (Spain)', 'Germany', 'Netherlands', 'France', 'Italy']);
    // Clicking a selected country again removes it; clicking it once more adds it back at the end.
    await clickCountry(page, 'NL');
    await expect.poll(() => tags.count()).toBe(4);
    await clickCountry(page, 'NL');
    await expect.poll(() => page.locator('path[data-code="NL"][data-selected]').count()).toBe(1);
    await expectAccessible(page, 'the comparison page with five jurisdictions selected');
    await screenshot(page, 'compare-map');

    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL('**/compare?topic=MONITORING&j=ES-CT,DE,FR,IT,NL');
    await waitForMatrix(page, 5);

    const api = await apiComparison('MONITORING', ['ES-CT', 'DE', 'FR', 'IT', 'NL'], 'demo-manager-es');
    expect(await columnHeaders(page).evaluateAll((ths) => ths.map((th) => th.getAttribute('data-code')))).toEqual(['ES-CT', 'DE', 'FR', 'IT', 'NL']);
    const rows = await matrixText(page);
    expect(rows).toHaveLength(api.rows.length + 1);
    expect(await matrix(page).locator('tbody th .dimension-label').allInnerTexts()).toEqual(api.rows.map((r) => r.dimension.label));
    // Every cell says what the API's display says; a jurisdiction without a procedure shows a dash.
    for (const [i, row] of api.rows.entries()) {
      expect(rows[i + 1]!.slice(1)).toEqual(row.cells.map((c) => c.value?.display ?? emptyCell(c.procedure)));
    }
    // Divergent rows are said in words, not by colour alone.
    const divergent = api.rows.filter((r) => r.divergent).length;
    expect(divergent).toBeGreaterThan(0);
    expect(await matrix(page).getByText('Differs').count()).toBe(divergent);
    expect(await page.getByTestId('compare-summary').textContent()).toContain(`${api.divergentCount} dimension`);
    expect(api.missing.map((m) => m.code)).toEqual(['IT']);
    expect(await page.getByTestId('compare-missing').innerText()).toContain('Italy: no procedure in force');
    expect(await matrix(page).locator('th[data-code="IT"]').innerText()).toContain('No procedure in force');
    const cellLink = matrix(page).locator('tbody tr').first().getByRole('link').first();
    expect(await cellLink.getAttribute('href')).toBe('/procedures/proc-es-ct-monitoring');
    await expectAccessible(page, 'the comparison matrix with a missing jurisdiction');
    await screenshot(page, 'compare-matrix');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^eunomia-monitoring-ES-CT_DE_FR_IT_NL-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await readFile((await download.path())!, 'utf8')).toBe(api.csv);

    // The URL is the comparison: opened in a fresh page it shows the same matrix.
    const shared = await memberContext(browser, platform, 'demo-manager-es');
    const again = await shared.newPage();
    await again.goto(page.url());
    await waitForMatrix(again, 5);
    expect(await matrixText(again)).toEqual(rows);
    await shared.close();

    await cellLink.click();
    await page.waitForURL('**/procedures/proc-es-ct-monitoring');
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('a practitioner never sees the management-tier procedure a manager sees, because the API does not send it', async () => {
    const codes = ['ES-CT', 'ES', 'DE'];
    const asManager = await apiComparison('INVESTIGATION', codes, 'demo-manager-es');
    const asPractitioner = await apiComparison('INVESTIGATION', codes, 'demo-practitioner-es');
    const managementOnly = 'proc-es-ct-investigation';
    expect(asManager.rows[0]!.cells.find((c) => c.jurisdiction.code === 'ES-CT')?.procedure?.id).toBe(managementOnly);
    expect(asManager.missing).toEqual([]);
    expect(asPractitioner.missing.map((m) => m.code)).toEqual(['ES-CT']);
    const managerValues = asManager.rows.map((r) => r.cells.find((c) => c.jurisdiction.code === 'ES-CT')!.value!.display);

    const url = '/compare?topic=INVESTIGATION&j=ES-CT,ES,DE';
    const managerContext = await memberContext(browser, platform, 'demo-manager-es');
    const manager = await managerContext.newPage();
    await manager.goto(url);
    await waitForMatrix(manager, 3);
    expect(await manager.locator(`a[href="/procedures/${managementOnly}"]`).count()).toBeGreaterThan(0);
    const managerColumn = await matrix(manager).locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.children[1] as HTMLElement).innerText.trim()));
    expect(managerColumn).toEqual(managerValues);

    const practitionerContext = await memberContext(browser, platform, 'demo-practitioner-es');
    const practitioner = await practitionerContext.newPage();
    const errors = collectPageErrors(practitioner);
    await practitioner.goto(url);
    await waitForMatrix(practitioner, 3);
    expect(await practitioner.locator(`a[href*="${managementOnly}"]`).count()).toBe(0);
    const practitionerColumn = await matrix(practitioner).locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.children[1] as HTMLElement).innerText.trim()));
    expect(practitionerColumn.map((text) => text.replace(/\s+/g, ' '))).toEqual(managerValues.map(() => emptyCell(null)));
    expect(await practitioner.getByTestId('compare-missing').innerText()).toContain('Catalonia: no procedure in force');
    expect(await practitioner.getByText('Catalonia').first().isVisible()).toBe(true);
    await expectAccessible(practitioner, 'the comparison as a practitioner');
    await screenshot(practitioner, 'compare-practitioner');
    expect(errors()).toEqual([]);
    await Promise.all([managerContext.close(), practitionerContext.close()]);
  });

  it('an anonymous visitor is invited to sign in and sees public procedures only; a partner sees what is shared with members', async () => {
    const url = '/compare?topic=MONITORING&j=ES-CT,DE,FR';
    const anonymous = await memberContext(browser, platform, null);
    const page = await anonymous.newPage();
    await page.goto(url);
    await waitForMatrix(page, 3);
    const invitation = page.getByRole('link', { name: 'Sign in to compare more' });
    expect(await invitation.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    const publicView = await apiComparison('MONITORING', ['ES-CT', 'DE', 'FR'], null);
    expect(publicView.missing.map((m) => m.code)).toEqual(['ES-CT', 'DE', 'FR']);
    expect(await page.getByTestId('compare-missing').innerText()).toContain('France: no procedure in force');
    expect(await matrix(page).getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'the comparison as an anonymous visitor');
    await anonymous.close();

    const partnerView = await apiComparison('MONITORING', ['ES-CT', 'DE', 'FR'], 'demo-partner');
    expect(partnerView.missing.map((m) => m.code)).toEqual(['ES-CT', 'DE']);
    const partner = await memberContext(browser, platform, 'demo-partner');
    const partnerPage = await partner.newPage();
    await partnerPage.goto(url);
    await waitForMatrix(partnerPage, 3);
    expect(await partnerPage.getByText('not a law-enforcement one').count()).toBe(1);
    expect(await matrix(partnerPage).locator('a[href="/procedures/proc-fr-monitoring"]').count()).toBe(partnerView.rows.length + 1);
    expect(await matrix(partnerPage).locator('a[href*="proc-de-monitoring"], a[href*="proc-es-ct-monitoring"]').count()).toBe(0);
    await expectAccessible(partnerPage, 'the comparison as a partner');
    await partner.close();
  });

  it('can be done with the keyboard alone: topic, a jurisdiction by type-ahead, compare, and a cell link', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    await page.goto('/compare');
    await page.getByRole('radio', { name: 'Monitoring' }).waitFor({ state: 'attached' });
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase(), name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', value: (el as HTMLInputElement | null)?.value ?? '', href: el?.getAttribute('href') ?? null, inMatrix: !!el?.closest('.compare-matrix') };
    });
    const tabTo = async (want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabTo((f) => f.value === 'MONITORING', 'the topic');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Investigation' }).isChecked()).toBe(true);
    await tabTo((f) => f.role === 'combobox', 'the type-ahead');
    await page.keyboard.type('Germ');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringMatching(/^Germany/)]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('grid', { name: /1 jurisdiction selected/ }).getByRole('row').allInnerTexts()).toEqual([expect.stringContaining('Germany')]);
    await tabTo((f) => f.name === 'Compare', 'the Compare button');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/compare?topic=INVESTIGATION&j=DE');
    await waitForMatrix(page, 1);
    await tabTo((f) => f.inMatrix && f.href?.startsWith('/procedures/') === true && f.name !== 'Germany', 'a cell link');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/procedures/proc-de-investigation');
    await context.close();
  });

  it('shows the error state when the comparison fails', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es');
    const page = await context.newPage();
    await page.route('**/graphql', (route) => (route.request().postData()?.includes('CompareProcedures')
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' })
      : route.fallback()));
    await page.goto(FIVE);
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 60_000 }).toMatch(/problem answering|cannot be reached/);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await expectAccessible(page, 'the comparison in its error state');
    await context.close();
  });

  it('fits a phone: no page-level horizontal scroll, the matrix scrolls inside its labelled region', async () => {
    const context = await memberContext(browser, platform, 'demo-manager-es', PHONE);
    const page = await context.newPage();
    await page.goto(FIVE);
    await waitForMatrix(page, 5);
    await page.locator('[data-testid=europe-map]').waitFor();
    await screenshot(page, 'compare-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => {
        if (el.getBoundingClientRect().right <= window.innerWidth + 1) return false;
        return true;
      })
      .slice(-5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
    expect(overflow, wide.join(', ')).toBeLessThanOrEqual(0);
    const region = matrix(page);
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectAccessible(page, 'the comparison on a phone');
    await context.close();
  });

});
