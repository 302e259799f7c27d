import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, screenshot } from './support/browser.ts';
import type { TestPlatform } from './support/platform.ts';

// The language switcher: interface strings and dates follow the chosen language, <html lang> with them, content
// keeps its own language (marked), and the choice is remembered per member across reloads and sign-ins.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

const PROCEDURE = '/procedures/proc-es-ct-monitoring';
const nav = (page: Page) => page.getByRole('navigation').first();
const navLinks = (page: Page) => nav(page).getByRole('link').allInnerTexts();
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const verified = (page: Page) => page.getByText(/15/).filter({ hasText: /2026/ }).first().innerText();
const languages = (page: Page) => page.getByRole('group', { name: 'Language' });
async function chooseLanguage(page: Page, language: string) {
  await languages(page).getByRole('button', { name: language }).click();
}

describe.skipIf(NO_CHROMIUM)(`languages ${NO_CHROMIUM ?? ''}`, { timeout: 240_000 }, () => {
  it('a manager switches to Deutsch: strings, dates and <html lang> change, content keeps its language, and the choice survives a reload and a new sign-in', async () => {
    // Signed in through the sign-in page (not a pre-set session), so signing out and in again is real.
    const context = await memberContext(browser, platform, null);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in as Jordi Ferrer (demo)' }).click();
    await expect.poll(() => page.getByTestId('member').count(), { timeout: 30_000 }).toBe(1);
    await page.goto(PROCEDURE);
    await expect.poll(() => verified(page), { timeout: 30_000 }).toBe('Last verified 15 Jun 2026');
    expect(await navLinks(page)).toEqual(['Home', 'Search', 'Compare procedures', 'Legal frameworks', 'Workshops', 'Training', 'Training report', 'New procedure']);
    expect(await htmlLang(page)).toBe('en');
    // The procedure is written in Catalan and says so, whatever the interface's language.
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ca');

    await chooseLanguage(page, 'Deutsch');
    await expect.poll(() => navLinks(page)).toEqual(['Start', 'Suche', 'Verfahren vergleichen', 'Rechtsrahmen', 'Workshops', 'Fortbildung', 'Fortbildungsbericht', 'Neues Verfahren']);
    expect(await htmlLang(page)).toBe('de');
    await expect.poll(() => verified(page)).toBe('Zuletzt geprüft am 15. Juni 2026');
    expect(await page.getByRole('heading', { name: 'Versionsverlauf' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ca');
    expect(await page.evaluate(() => localStorage.getItem('eunomia.language.demo-manager-es'))).toBe('de');
    await expectAccessible(page, 'a procedure with the interface in German');
    await screenshot(page, 'i18n-procedure-de');

    await page.reload();
    await expect.poll(() => verified(page), { timeout: 30_000 }).toBe('Zuletzt geprüft am 15. Juni 2026');
    expect(await navLinks(page)).toEqual(['Start', 'Suche', 'Verfahren vergleichen', 'Rechtsrahmen', 'Workshops', 'Fortbildung', 'Fortbildungsbericht', 'Neues Verfahren']);
    expect(await htmlLang(page)).toBe('de');
    expect(await page.title()).toMatch(/ · Eunomia$/);

    // Signed out, the visitor has chosen nothing: English. Signed in again as the same member: German again.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect.poll(() => navLinks(page)).toEqual(['Home', 'Search', 'Compare procedures', 'Legal frameworks', 'Workshops']);
    expect(await htmlLang(page)).toBe('en');
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in as Jordi Ferrer (demo)' }).click();
    await expect.poll(() => htmlLang(page), { timeout: 30_000 }).toBe('de');
    await expect.poll(() => navLinks(page)).toEqual(['Start', 'Suche', 'Verfahren vergleichen', 'Rechtsrahmen', 'Workshops', 'Fortbildung', 'Fortbildungsbericht', 'Neues Verfahren']);

    // Another member in the same browser keeps their own choice (none yet: English), then picks Español.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in as Lena Hoffmann (demo)' }).click();
    await expect.poll(() => page.getByTestId('member').innerText(), { timeout: 30_000 }).toContain('Lena Hoffmann (demo)');
    expect(await htmlLang(page)).toBe('en');
    await page.goto(PROCEDURE);
    await expect.poll(() => verified(page), { timeout: 30_000 }).toBe('Last verified 15 Jun 2026');
    await chooseLanguage(page, 'Español');
    await expect.poll(() => verified(page)).toBe('Verificado por última vez el 15 jun 2026');
    expect(await navLinks(page)).toEqual(['Inicio', 'Buscar', 'Comparar procedimientos', 'Marcos jurídicos', 'Talleres', 'Formación', 'Informe de formación', 'Nuevo procedimiento']);
    expect(await htmlLang(page)).toBe('es');
    await expectAccessible(page, 'a procedure with the interface in Spanish');
    await screenshot(page, 'i18n-procedure-es');
    expect(await page.evaluate(() => [localStorage.getItem('eunomia.language.demo-manager-es'), localStorage.getItem('eunomia.language.demo-practitioner-de')])).toEqual(['de', 'es']);

    expect(errors()).toEqual([]);
    await context.close();
  });

  it('the switcher works with the keyboard alone and names each language in itself, marked with its language', async () => {
    const context = await memberContext(browser, platform, 'demo-auditor');
    const page = await context.newPage();
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: 30_000 });
    const options = languages(page).getByRole('button');
    expect(await options.allInnerTexts()).toEqual(['English', 'Español', 'Deutsch']);
    expect(await options.evaluateAll((os) => os.map((o) => [o.getAttribute('lang'), o.getAttribute('aria-pressed')]))).toEqual([['en', 'true'], ['es', 'false'], ['de', 'false']]);
    await options.first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Prüfprotokoll');
    expect(await languages(page).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe('true');
    // The audit log's times and numbers follow: German dates in the table.
    await expect.poll(() => page.getByTestId('audit-summary').innerText(), { timeout: 30_000 }).toMatch(/^Einträge 1–\d+ von \d+, die neuesten zuerst\.$/);
    expect(await page.locator('td[data-label="Wann (UTC)"] time').first().innerText()).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
    await expectAccessible(page, 'the audit log in German');
    await screenshot(page, 'i18n-audit-de');
    await context.close();
  });
});
