import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, collectPageErrors, expectAccessible, memberContext, NO_CHROMIUM, openPage, screenshot } from './support/browser.ts';
import { apiAs, bell, bellCount, publishNewVersion as publishVersion, regainFocus, seededTitle, unreadOf as unreadOfMember } from './support/notificationPages.ts';
import type { TestPlatform } from './support/platform.ts';

// Notifications in the console: follow buttons, the header's bell, the notifications page (mark one / all read, the
// item's link, "no longer available"), saved searches from the search page, follows and e-mail preferences, and the
// development outbox. Changes are made through the API as the members who may make them; the console only shows.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started));

// The machine is shared and slow at times: waits are generous, never timing assertions.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });
const SLOW = 240_000;

const api = <T = any>(query: string, variables: Record<string, unknown>, as: string) => apiAs<T>(platform, query, variables, as);
const unreadOf = (who: string) => unreadOfMember(platform, who);
const publishNewVersion = (id: string, input: Record<string, unknown>) => publishVersion(platform, id, input);

describe.skipIf(NO_CHROMIUM)(`notifications ${NO_CHROMIUM ?? ''}`, { timeout: SLOW }, () => {
  it('a practitioner follows a procedure with its button, the bell counts the new version, the page leads to it, and mark all read clears it', async () => {
    const id = 'proc-de-by-monitoring';
    const title = seededTitle(id);
    const { ctx, page, errors } = await openPage(browser, platform, 'demo-practitioner-de', `/procedures/${id}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    const follow = page.getByRole('button', { name: 'Follow this procedure' });
    await follow.click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this procedure' }).count()).toBe(1);
    expect(await page.getByText('You are notified when it changes.').count()).toBe(1);
    expect((await api(`query($id: ID!) { procedure(id: $id) { followedByMe } }`, { id }, 'demo-practitioner-de')).procedure.followedByMe).toBe(true);
    await expectAccessible(page, 'a followed procedure');
    await screenshot(page, 'notifications-follow-button');

    // The bell shows the member's count as the API gives it; a new version raises it, seen when the window regains focus.
    const before = await unreadOf('demo-practitioner-de');
    await poll(() => bellCount(page)).toBe(before);
    const version = await publishNewVersion(id, { summary: 'Bavarian monitoring, revised.', changeNote: 'Revised summary.' });
    await poll(async () => {
      await regainFocus(page);
      return bellCount(page);
    }).toBe(before + 1);
    expect(await unreadOf('demo-practitioner-de')).toBe(before + 1);

    // The bell opens the notifications page: the new one first, unread, in words, linking the procedure.
    await bell(page).click();
    await page.waitForURL('**/notifications');
    const message = `A new version (${version}) of the procedure “${title}” was published.`;
    const first = page.locator('.notif-item').first();
    await poll(() => first.locator('.notif-message').textContent()).toBe(`Unread: ${message}`);
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await first.getByRole('link', { name: message }).getAttribute('href')).toBe(`/procedures/${id}`);
    expect(await page.getByRole('status').filter({ hasText: /unread notifications?\./ }).textContent()).toBe(
      before + 1 === 1 ? '1 unread notification.' : `${before + 1} unread notifications.`);
    await expectAccessible(page, 'the notifications page');
    await screenshot(page, 'notifications-list');

    // Mark all read: the count goes to 0 on the page and on the bell, and nothing is marked unread any more.
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await poll(() => bellCount(page)).toBe(0);
    await poll(() => page.locator('.notif-item[data-unread="true"]').count()).toBe(0);
    expect(await page.getByText('No unread notifications.').count()).toBe(1);
    expect(await unreadOf('demo-practitioner-de')).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);

    // The notification still leads to the procedure.
    await first.getByRole('link', { name: message }).click();
    await page.waitForURL(`**/procedures/${id}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('asks for the bell count again every minute while the console stays open', async () => {
    const who = 'demo-practitioner-de';
    const id = 'proc-de-by-communication';
    await api(`mutation($input: FollowInput!) { follow(input: $input) { id } }`, { input: { targetType: 'PROCEDURE', id } }, who);
    const context = await memberContext(browser, platform, who);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The page's clock runs as usual, and can be moved ahead a minute at once.
    await page.clock.install();
    await page.goto('/training');
    const before = await unreadOf(who);
    await poll(() => bellCount(page)).toBe(before);
    await publishNewVersion(id, { summary: 'Bavarian communication, revised again.' });
    await poll(() => unreadOf(who)).toBe(before + 1);
    await page.clock.fastForward('01:01');
    await poll(() => bellCount(page)).toBe(before + 1);
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('marks one notification read by its button, and the bell follows', async () => {
    const id = 'proc-de-by-communication';
    await api('mutation { markAllNotificationsRead }', {}, 'demo-practitioner-de');
    await api(`mutation($input: FollowInput!) { follow(input: $input) { id } }`, { input: { targetType: 'PROCEDURE', id } }, 'demo-practitioner-de');
    const before = await unreadOf('demo-practitioner-de');
    await publishNewVersion(id, { summary: 'Bavarian communication, revised.' });
    await poll(() => unreadOf('demo-practitioner-de')).toBe(before + 1);
    const { ctx, page, errors } = await openPage(browser, platform, 'demo-practitioner-de', '/notifications');
    await poll(() => bellCount(page)).toBe(before + 1);
    const unread = page.locator('.notif-item[data-unread="true"]');
    await poll(() => unread.count()).toBe(before + 1);
    await unread.first().getByRole('button', { name: 'Mark read' }).click();
    await poll(() => bellCount(page)).toBe(before);
    await poll(() => unread.count()).toBe(before);
    expect(await unreadOf('demo-practitioner-de')).toBe(before);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('tells a practitioner of another jurisdiction nothing of a followed procedure restricted since to Germany, and shows it no longer available', async () => {
    const id = 'proc-de-by-investigation';
    const title = seededTitle(id);
    const { ctx, page, errors } = await openPage(browser, platform, 'demo-practitioner-es', `/procedures/${id}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.getByRole('button', { name: 'Follow this procedure' }).click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this procedure' }).count()).toBe(1);
    const esBefore = await unreadOf('demo-practitioner-es');
    await poll(() => bellCount(page)).toBe(esBefore);

    // A German practitioner follows it too: their notification shows the change has been fanned out.
    await api(`mutation($input: FollowInput!) { follow(input: $input) { id } }`, { input: { targetType: 'PROCEDURE', id } }, 'demo-practitioner-de');
    const deBefore = await unreadOf('demo-practitioner-de');
    await publishNewVersion(id, { restrictedTo: ['DE'], summary: 'Federal investigation, German units only.' });
    await poll(() => unreadOf('demo-practitioner-de')).toBe(deBefore + 1);

    // Nothing new for the Spanish practitioner: not on the bell, not on the page, and the follow is no longer available.
    await regainFocus(page);
    await page.goto('/notifications');
    await poll(() => page.locator('.notif-summary').count()).toBe(1);
    expect(await bellCount(page)).toBe(esBefore);
    expect(await unreadOf('demo-practitioner-es')).toBe(esBefore);
    expect(await page.getByRole('main').textContent()).not.toContain(title);
    await screenshot(page, 'notifications-other-jurisdiction');
    await page.getByRole('link', { name: 'Follows and e-mail' }).click();
    await page.waitForURL('**/notifications/settings');
    const follows = page.locator('.notif-follows li');
    await poll(() => follows.count()).toBe(1);
    expect(await follows.first().textContent()).toContain('No longer available to you');
    expect(await page.getByRole('main').textContent()).not.toContain(title);
    // What they followed, they may still stop following.
    await follows.first().getByRole('button', { name: 'Unfollow' }).click();
    await poll(() => follows.count()).toBe(0);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('saves the search on screen with the keyboard, lists it with the follows, and deletes it and unfollows there', async () => {
    const who = 'demo-practitioner-de';
    const { ctx, page, errors } = await openPage(browser, platform, who, '/search?q=monitoring&type=PROCEDURE');
    await poll(() => page.locator('.search-summary').count()).toBe(1);
    const save = page.getByRole('button', { name: 'Save this search' });
    await save.focus();
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Name of the saved search' });
    await poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('monitoring');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Monitoring procedures');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText('Saved “Monitoring procedures”: you will be notified of new matches.').count()).toBe(1);
    const saved = (await api('{ me { savedSearches { name query types jurisdictions topics } } }', {}, who)).me.savedSearches;
    expect(saved).toEqual([{ name: 'Monitoring procedures', query: 'monitoring', types: ['PROCEDURE'], jurisdictions: [], topics: [] }]);
    await expectAccessible(page, 'the search page with a saved search');
    await screenshot(page, 'notifications-save-search');

    // A legal framework followed from its page joins the list.
    await page.goto('/legal/frameworks/eu-2016-680');
    await page.getByRole('button', { name: 'Follow this legal framework' }).click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this legal framework' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Your follows' }).click();
    await page.waitForURL('**/notifications/settings');
    const searches = page.locator('.notif-searches li');
    await poll(() => searches.count()).toBe(1);
    expect(await searches.getByRole('link', { name: 'Monitoring procedures' }).getAttribute('href')).toBe('/search?q=monitoring&type=PROCEDURE');
    const follows = page.locator('.notif-follows li');
    const framework = follows.filter({ hasText: 'Legal framework' });
    await poll(() => framework.count()).toBe(1);
    expect(await framework.getByRole('link').getAttribute('href')).toBe('/items/LEGAL_FRAMEWORK/eu-2016-680');
    await expectAccessible(page, 'follows, saved searches and e-mail');
    await screenshot(page, 'notifications-settings');

    // Delete and unfollow there: gone from the page and from the API.
    await searches.getByRole('button', { name: 'Delete' }).click();
    await poll(() => searches.count()).toBe(0);
    expect((await api('{ me { savedSearches { id } } }', {}, who)).me.savedSearches).toEqual([]);
    await framework.getByRole('button', { name: 'Unfollow' }).click();
    await poll(() => follows.filter({ hasText: 'Legal framework' }).count()).toBe(0);
    expect((await api('{ legalFramework(id: "eu-2016-680") { followedByMe } }', {}, who)).legalFramework.followedByMe).toBe(false);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('follows a workshop, a curriculum, and a jurisdiction and topic from their pages, and unfollows the last', async () => {
    const who = 'demo-practitioner-de';
    const followed = async () => (await api('{ me { follows { targetType jurisdiction topic item { __typename ... on Workshop { id } ... on Curriculum { id } } } } }', {}, who)).me.follows;
    const { ctx, page, errors } = await openPage(browser, platform, who, '/workshops/ws-bcn-everyday-security');
    await page.getByRole('button', { name: 'Follow this workshop' }).click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this workshop' }).count()).toBe(1);
    await page.goto('/training/curricula/cur-osint-basics');
    await page.getByRole('button', { name: 'Follow this curriculum' }).click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this curriculum' }).count()).toBe(1);
    await page.goto('/procedures/proc-de-by-monitoring');
    const topic = page.getByRole('button', { name: 'Follow new procedures in Bavaria on Monitoring' });
    await topic.click();
    await poll(() => page.getByRole('button', { name: 'Unfollow new procedures in Bavaria on Monitoring' }).count()).toBe(1);
    const follows = await followed();
    expect(follows).toContainEqual({ targetType: 'WORKSHOP', jurisdiction: null, topic: null, item: { __typename: 'Workshop', id: 'ws-bcn-everyday-security' } });
    expect(follows).toContainEqual({ targetType: 'CURRICULUM', jurisdiction: null, topic: null, item: { __typename: 'Curriculum', id: 'cur-osint-basics' } });
    expect(follows).toContainEqual({ targetType: 'JURISDICTION_TOPIC', jurisdiction: 'DE-BY', topic: 'MONITORING', item: null });
    await page.getByRole('button', { name: 'Unfollow new procedures in Bavaria on Monitoring' }).click();
    await poll(() => topic.count()).toBe(1);
    expect((await followed()).filter((f: { targetType: string }) => f.targetType === 'JURISDICTION_TOPIC')).toEqual([]);
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('chooses the e-mail delivery, shows the address it goes to, and keeps the choice', async () => {
    const who = 'demo-practitioner-es';
    const { preferences } = { preferences: (await api('{ me { notificationPreferences { email emailAddress } } }', {}, who)).me.notificationPreferences };
    const { ctx, page, errors } = await openPage(browser, platform, who, '/notifications/settings');
    const daily = page.getByRole('radio', { name: "Once a day, a digest of the day's notifications" });
    await poll(() => daily.count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'For each notification, as it happens' }).isChecked()).toBe(preferences.email === 'IMMEDIATE');
    expect(await page.getByRole('main').textContent()).toContain(
      preferences.emailAddress ? `E-mail goes to ${preferences.emailAddress}` : 'The directory has no e-mail address for you');
    await daily.check();
    await poll(() => page.getByText("Saved: Once a day, a digest of the day's notifications.").count()).toBe(1);
    expect((await api('{ me { notificationPreferences { email } } }', {}, who)).me.notificationPreferences.email).toBe('DAILY_DIGEST');
    await page.reload();
    await poll(() => daily.isChecked()).toBe(true);
    // The keyboard moves the choice within the group.
    await daily.focus();
    await page.keyboard.press('ArrowDown');
    await poll(() => page.getByRole('radio', { name: 'Never (notifications stay in the console)' }).isChecked()).toBe(true);
    await poll(async () => (await api('{ me { notificationPreferences { email } } }', {}, who)).me.notificationPreferences.email).toBe('OFF');
    expect(errors()).toEqual([]);
    await ctx.close();
  });

  it('shows the local outbox of development as the API answers it, and the pages to signed-in members only', async () => {
    const who = 'demo-practitioner-de';
    // This platform has no SMTP_URL: mail goes to the local outbox, which the API lists for the member.
    const mails = (await api<{ localMail: { subject: string }[] }>('{ localMail(first: 50) { subject } }', {}, who)).localMail;
    const { ctx, page, errors } = await openPage(browser, platform, who, '/notifications');
    await page.getByRole('navigation', { name: 'Notifications' }).getByRole('link', { name: 'Local mail' }).click();
    await page.waitForURL('**/notifications/mail');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Local mail (development)');
    await poll(() => page.getByRole('main').getByText('Loading…').count()).toBe(0);
    expect(await page.locator('.notif-mail-subject').allTextContents()).toEqual(mails.map((m) => m.subject));
    if (mails.length === 0) expect(await page.getByText('No e-mail sent to you yet.').count()).toBe(1);
    await expectAccessible(page, 'the local mail page');
    await screenshot(page, 'notifications-local-mail');
    expect(errors()).toEqual([]);
    await ctx.close();

    const anonymous = await openPage(browser, platform, null, '/notifications');
    await poll(() => anonymous.page.getByRole('link', { name: 'Sign in to see your notifications.' }).count()).toBe(1);
    expect(await anonymous.page.getByRole('banner').getByRole('link', { name: /^Notifications/ }).count()).toBe(0);
    expect(anonymous.errors()).toEqual([]);
    await anonymous.ctx.close();
  });
});
