import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, PHONE, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The administrator's members and agencies: changing another member's tier, what separation of duties disables (own
// record, the AUDITOR role) with its reason, validation before sending, the API's refusal, and who has no such page.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const MEMBER = 'query($id: ID!) { member(id: $id) { tier roles agency { id } } }';
const MOVE = 'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }';
const apiMember = async (id: string) => (await platform.query<{ member: { tier: string | null; roles: string[]; agency: { id: string } } }>(MEMBER, { id }, 'demo-admin')).data!.member;

const table = (page: Page) => page.getByTestId('admin-members');
const row = (page: Page, id: string) => table(page).locator(`tr[data-member="${id}"]`);
const names = (page: Page) => table(page).locator('tbody th').allInnerTexts();
async function chooseAgency(page: Page, name: RegExp) {
  await page.getByRole('button', { name: / Agency$/ }).click();
  await page.getByRole('option', { name }).click();
}

describe.skipIf(NO_CHROMIUM)(`members and agencies ${NO_CHROMIUM ?? ''}`, { timeout: 240_000 }, () => {
  it('the administrator changes another member\'s tier and sees it; their own record and the AUDITOR role are disabled with the reason', async () => {
    const context = await memberContext(browser, platform, 'demo-admin');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members and agencies' }).click();
    await page.waitForURL('**/admin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Members and agencies');

    // Their own agency first: their own row is closed, and says why.
    await expect.poll(() => names(page), { timeout: 30_000 }).toEqual(['Elena Rossi (demo) (demo-admin) you', 'Tomas Novak (demo) (demo-auditor)']);
    const own = row(page, 'demo-admin').getByRole('button', { name: 'Change…' });
    expect(await own.isDisabled()).toBe(true);
    const reason = 'You cannot change your own roles, tier, agency or activity: another administrator must.';
    expect(await row(page, 'demo-admin').getByText(reason).count()).toBe(1);
    expect(await page.locator(`#${await own.getAttribute('aria-describedby')}`).innerText()).toBe(reason);
    expect(await row(page, 'demo-auditor').getByRole('button', { name: 'Change Tomas Novak (demo)' }).isDisabled()).toBe(false);
    await expectAccessible(page, 'the administrator\'s own agency');
    await screenshot(page, 'admin-own-row');

    await chooseAgency(page, /^Mossos d'Esquadra/);
    await page.waitForURL('**/admin?agency=es-ct-mossos');
    await expect.poll(() => names(page)).toEqual([
      'Jordi Ferrer (demo) (demo-manager-es)', 'Laia Puig (demo) (demo-practitioner-es)', 'Marta Soler (illustrative) (m-es-ct-1)',
      'Núria Roca (illustrative) (m-es-ct-3)', 'Pau Vidal (illustrative) (m-es-ct-2)',
    ]);
    expect(await row(page, 'm-es-ct-1').locator('[data-testid=tier]').innerText()).toBe('Practitioner');
    await expectAccessible(page, 'an agency\'s members');
    await screenshot(page, 'admin-members');

    await row(page, 'm-es-ct-1').getByRole('button', { name: 'Change Marta Soler (illustrative)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Marta Soler (illustrative)' });
    await dialog.waitFor();
    const auditor = dialog.getByRole('checkbox', { name: 'Auditor' });
    expect(await auditor.isDisabled()).toBe(true);
    expect(await page.locator(`#${await auditor.getAttribute('aria-describedby')}`).innerText()).toBe('Only an auditor grants or withdraws this role.');
    expect(await dialog.getByRole('checkbox', { name: 'Reviewer' }).isDisabled()).toBe(false);
    await dialog.getByRole('radio', { name: 'Manager' }).click({ force: true });
    await expectAccessible(page, 'the change dialog');
    await screenshot(page, 'admin-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('admin-saved').innerText()).toBe('Saved: Marta Soler (illustrative) is now Manager, with roles: No roles.');
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => row(page, 'm-es-ct-1').locator('[data-testid=tier]').innerText()).toBe('Manager');
    expect(await apiMember('m-es-ct-1')).toEqual({ tier: 'MANAGER', roles: [], agency: { id: 'es-ct-mossos' } });

    // Checked before sending: a law-enforcement member needs a tier.
    await row(page, 'm-es-ct-2').getByRole('button', { name: 'Change Pau Vidal (illustrative)' }).click();
    const pau = page.getByRole('dialog', { name: 'Change Pau Vidal (illustrative)' });
    await pau.getByRole('radio', { name: 'No tier' }).click({ force: true });
    await pau.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pau.getByRole('alert').innerText()).toBe('Choose a tier: members of a law-enforcement agency have one.');
    expect((await apiMember('m-es-ct-2')).tier).toBe('PRACTITIONER');

    // Refused by the API: meanwhile the member moved to a partner organisation, where a tier has no meaning.
    expect((await platform.query(MOVE, { id: 'm-es-ct-2', input: { agency: 'partner-agora', tier: null } }, 'demo-admin')).errors).toBeUndefined();
    await pau.getByRole('radio', { name: 'Manager' }).click({ force: true });
    await pau.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pau.locator('.admin-failure').innerText()).toBe('Some of what you entered is not valid. The platform said: “tier applies only to members of a law-enforcement agency.”');
    expect(await apiMember('m-es-ct-2')).toEqual({ tier: null, roles: [], agency: { id: 'partner-agora' } });
    await expectAccessible(page, 'the change dialog with the API\'s refusal');
    await screenshot(page, 'admin-refused');
    await pau.getByRole('button', { name: 'Cancel' }).click();

    expect(errors()).toEqual([]);
    await context.close();
  });

  it('works at phone width', async () => {
    const context = await memberContext(browser, platform, 'demo-admin', PHONE);
    const page = await context.newPage();
    await page.goto('/admin?agency=de-by-polizei');
    await expect.poll(() => names(page), { timeout: 30_000 }).toEqual([
      'Jonas Becker (illustrative) (m-de-1)', 'Lena Hoffmann (demo) (demo-practitioner-de)', 'Markus Weber (demo) (demo-manager-de)',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'members on a phone');
    await screenshot(page, 'admin-phone');
    await context.close();
  });

  it('members without the administrator role have no link, and the page says they lack the role', async () => {
    const context = await memberContext(browser, platform, 'demo-auditor');
    const page = await context.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Members and agencies' }).count()).toBe(0);
    await page.goto('/admin');
    await expect.poll(() => page.getByText('This page is for members with the Administrator role. You do not have it.').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText('Your roles: Auditor.').count()).toBe(1);
    expect(await page.getByTestId('admin-members').count()).toBe(0);
    await expectAccessible(page, 'the administrator page for an auditor');
    await screenshot(page, 'admin-no-role');
    await context.close();
  });
});
