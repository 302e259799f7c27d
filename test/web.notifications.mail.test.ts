import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, NO_CHROMIUM, openPage, screenshot } from './support/browser.ts';
import { apiAs, bell, bellCount, publishNewVersion, regainFocus, seededTitle, unreadOf } from './support/notificationPages.ts';
import type { TestPlatform } from './support/platform.ts';

// The journey end to end, with the job runner on as `npm start` runs it: a German practitioner follows a procedure in
// the console, a German manager publishes a new version, and the practitioner's bell rises and the e-mail arrives at
// once (here in the local outbox, as without SMTP_URL); a Catalan practitioner who followed the same procedure, now
// restricted to Germany, is told nothing, in the console or by e-mail.

let platform: TestPlatform;
let browser: Browser;
browserSuite((started) => ({ platform, browser } = started), undefined, { jobs: true });

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 45_000, interval: 250 });
const SLOW = 240_000;

const mailOf = async (who: string) =>
  (await apiAs<{ localMail: { to: string; subject: string; text: string }[] }>(platform, '{ localMail(first: 50) { to subject text } }', {}, who)).localMail;

/** Waits until the start-up's scheduled runs (reminders caught up) have made what they make, so counts stand still. */
async function startUpSettled() {
  const db = platform.databases.bySubgraph.notifications!;
  await poll(async () => (await db.query('SELECT count(*)::int AS n FROM graphile_worker.jobs'))[0].n).toBe(0);
  await poll(async () => (await db.query(`SELECT coalesce((SELECT last_id FROM notifications.consumer_positions WHERE consumer = 'notifications-training'), 0)
    >= (SELECT coalesce(max(id), 0) FROM training.outbox) AS done`))[0].done).toBe(true);
  await poll(async () => (await db.query('SELECT count(*)::int AS n FROM graphile_worker.jobs'))[0].n).toBe(0);
}

describe.skipIf(NO_CHROMIUM)(`notifications by e-mail ${NO_CHROMIUM ?? ''}`, { timeout: SLOW }, () => {
  it('tells the follower of a new version on the bell and by e-mail at once, and a follower of another jurisdiction nothing once it is restricted', async () => {
    const id = 'proc-de-by-communication';
    const title = seededTitle(id);
    await startUpSettled();
    const { ctx, page, errors } = await openPage(browser, platform, 'demo-practitioner-de', `/procedures/${id}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.getByRole('button', { name: 'Follow this procedure' }).click();
    await poll(() => page.getByRole('button', { name: 'Unfollow this procedure' }).count()).toBe(1);
    await apiAs(platform, `mutation($input: FollowInput!) { follow(input: $input) { id } }`, { input: { targetType: 'PROCEDURE', id } }, 'demo-practitioner-es');
    const before = { de: await unreadOf(platform, 'demo-practitioner-de'), es: await unreadOf(platform, 'demo-practitioner-es') };
    const mailBefore = { de: (await mailOf('demo-practitioner-de')).length, es: (await mailOf('demo-practitioner-es')).length };
    await poll(() => bellCount(page)).toBe(before.de);

    // A new version, restricted to Germany: the German practitioner is told, on the bell and by e-mail.
    const version = await publishNewVersion(platform, id, { restrictedTo: ['DE'], summary: 'Bavarian communication, German units only.' });
    await poll(async () => {
      await regainFocus(page);
      return bellCount(page);
    }).toBe(before.de + 1);
    const message = `A new version (${version}) of the procedure “${title}” was published.`;
    await poll(async () => (await mailOf('demo-practitioner-de')).length).toBe(mailBefore.de + 1);
    const [mail] = await mailOf('demo-practitioner-de');
    expect(mail).toMatchObject({ to: 'lena.hoffmann@demo.polizei-by.example', subject: `Eunomia: ${message}` });
    expect(mail!.text).toContain(message);

    // The console shows the same mail in the member's local outbox.
    await bell(page).click();
    await page.waitForURL('**/notifications');
    await page.getByRole('navigation', { name: 'Notifications' }).getByRole('link', { name: 'Local mail' }).click();
    await page.waitForURL('**/notifications/mail');
    await poll(() => page.locator('.notif-mail-subject').first().textContent()).toBe(`Eunomia: ${message}`);
    await screenshot(page, 'notifications-mail-received');
    expect(errors()).toEqual([]);
    await ctx.close();

    // The Catalan practitioner followed it too, but may not see the new version: nothing, in the console or by e-mail.
    expect(await unreadOf(platform, 'demo-practitioner-es')).toBe(before.es);
    expect((await mailOf('demo-practitioner-es')).length).toBe(mailBefore.es);
    const esInbox = (await apiAs(platform, '{ me { notifications(first: 50) { nodes { message } } } }', {}, 'demo-practitioner-es')).me.notifications.nodes;
    expect(esInbox.map((n: { message: string }) => n.message).join('\n')).not.toContain(title);
  });
});
