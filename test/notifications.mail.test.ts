import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// E-mail through a real SMTP server started here: immediate mail to followers who want it, daily digests, none for
// those who chose none, mail delayed (never lost) while the server is down; the local outbox when there is no server.

const LENA = 'lena.hoffmann@demo.polizei-by.example'; // demo-practitioner-de
const PIETER = 'pieter.devries@demo.europol.example'; // demo-reviewer
const LAIA = 'laia.puig@demo.mossos.example'; // demo-practitioner-es
const PUBLIC_URL = 'https://eunomia.example.eu';

/** An SMTP server that takes mail only with the right credentials, and keeps what it received. */
class MailServer {
  received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, done) => (auth.username === 'eunomia' && auth.password === 'mail-secret'
        ? done(null, { user: auth.username }) : done(new Error('Invalid credentials'))),
      onData: (stream, _session, done) => {
        simpleParser(stream).then((mail) => {
          this.received.push(mail);
          done();
        }, done);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((ok, fail) => {
      server.server.once('error', fail);
      server.listen(port, '127.0.0.1', () => ok());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address)));
  }
}

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { id } }`;
const PREFERENCES = `mutation($email: EmailDelivery!) { setNotificationPreferences(input: { email: $email }) { email emailAddress } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) { updateProcedure(id: $id, expectedVersion: $v, input: $input) { version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { version status } }`;
const LOCAL_MAIL = `{ localMail { to subject text sentAt } }`;

function helpers(platform: () => TestPlatform) {
  const ok = async (query: string, variables: Record<string, unknown>, who: string) => {
    const r = await platform().query<any>(query, variables, who);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  return {
    ok,
    follow: (id: string, who: string) => ok(FOLLOW, { input: { targetType: 'PROCEDURE', id } }, who),
    titleOf: async (id: string) => (await ok(`query($id: ID!) { procedure(id: $id) { title } }`, { id }, 'demo-manager-de')).procedure.title as string,
    /** Publishes a new version of a procedure of demo-manager-de's agency; returns its number. */
    publishNewVersion: async (id: string, input: Record<string, unknown>) => {
      const { procedure } = await ok(`query($id: ID!) { procedure(id: $id) { history { version } } }`, { id }, 'demo-manager-de');
      const current = Math.max(...procedure.history.map((v: { version: number }) => v.version));
      const { updateProcedure } = await ok(UPDATE, { id, v: current, input }, 'demo-manager-de');
      await ok(PUBLISH, { id, v: updateProcedure.version }, 'demo-manager-de');
      return updateProcedure.version as number;
    },
    unread: async (who: string) => (await ok('{ me { unreadCount } }', {}, who)).me.unreadCount as number,
    kinds: async (who: string) => (await ok('{ me { notifications(first: 50) { nodes { kind message } } } }', {}, who)).me.notifications.nodes,
    /** Waits until the notifications subgraph has read every outbox row, and every queued mail was sent. */
    drained: async () => {
      const db = platform().databases.bySubgraph.notifications!;
      await expect.poll(async () => {
        const [row] = await db.query(`SELECT bool_and(coalesce(p.last_id, 0) >= o.max_id) AS done FROM
          (SELECT 'procedures' AS s, coalesce(max(id), 0) AS max_id FROM procedures.outbox UNION ALL SELECT 'training', coalesce(max(id), 0) FROM training.outbox) o
          LEFT JOIN notifications.consumer_positions p ON p.consumer = 'notifications-' || o.s`);
        const [queue] = await db.query('SELECT count(*)::int AS n FROM notifications.mail_queue WHERE sent_at IS NULL AND cancelled_at IS NULL');
        return row.done && queue.n === 0;
      }, { timeout: 20_000, interval: 100 }).toBe(true);
    },
  };
}

describe('through an SMTP server', () => {
  const smtp = new MailServer();
  let platform: TestPlatform;
  const h = helpers(() => platform);
  const succeeded: string[] = [];

  beforeAll(async () => {
    await smtp.start();
    platform = await startTestPlatform({
      seeded: true, jobs: true,
      env: { SMTP_URL: `smtp://eunomia:mail-secret@127.0.0.1:${smtp.port}`, MAIL_FROM: 'Eunomia <notifications@eunomia.test>', PUBLIC_URL },
    });
    platform.jobs!.events.on('job:success', ({ job }) => succeeded.push(job.task_identifier));
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
  });

  const metrics = async () => {
    const url = platform.subgraphs.find((s) => s.name === 'notifications')!.url.replace(/\/graphql$/, '/metrics');
    const res = await fetch(url, { headers: { [SUBGRAPH_SECRET_HEADER]: platform.secret } });
    expect(res.status).toBe(200);
    return (await res.json()) as { mailSent: number; mailFailedAttempts: number; mailWaiting: number };
  };

  it('mails a new version at once to a follower who chose nothing (immediate), at their directory address; none to DAILY_DIGEST or OFF', async () => {
    const id = 'proc-de-by-monitoring';
    expect((await h.ok(PREFERENCES, { email: 'DAILY_DIGEST' }, 'demo-reviewer')).setNotificationPreferences).toEqual({ email: 'DAILY_DIGEST', emailAddress: PIETER });
    expect((await h.ok(PREFERENCES, { email: 'OFF' }, 'demo-practitioner-es')).setNotificationPreferences).toEqual({ email: 'OFF', emailAddress: LAIA });
    for (const who of ['demo-practitioner-de', 'demo-reviewer', 'demo-practitioner-es']) await h.follow(id, who);
    const title = await h.titleOf(id);

    const version = await h.publishNewVersion(id, { summary: 'Bavarian monitoring, revised for e-mail.' });
    await expect.poll(() => smtp.to(LENA).length, { timeout: 20_000 }).toBe(1);
    const [mail] = smtp.to(LENA);
    const sentence = `A new version (${version}) of the procedure “${title}” was published.`;
    expect(mail!.from?.value).toEqual([{ name: 'Eunomia', address: 'notifications@eunomia.test' }]);
    expect(mail!.subject).toBe(`Eunomia: ${sentence}`);
    expect(mail!.text).toContain(sentence);
    expect(mail!.text).toContain(`${PUBLIC_URL}/notifications`);

    await h.drained();
    // The other two are told in the console only.
    for (const who of ['demo-reviewer', 'demo-practitioner-es']) {
      expect(await h.kinds(who)).toContainEqual({ kind: 'PROCEDURE_PUBLISHED', message: sentence });
    }
    expect(smtp.received.map((m) => m.subject)).toEqual([`Eunomia: ${sentence}`]);
    expect(await metrics()).toEqual({ mailSent: 1, mailFailedAttempts: 0, mailWaiting: 0 });
  }, 60_000);

  it('sends a DAILY_DIGEST member one digest of what is new that they may still see, and none when nothing is new', async () => {
    const monitoring = await h.titleOf('proc-de-by-monitoring');
    const id = 'proc-de-by-investigation';
    const title = await h.titleOf(id);
    await h.follow(id, 'demo-reviewer');
    await h.publishNewVersion(id, { summary: 'Federal investigation, clarified.' });
    await h.drained();
    // Restricted to German units since: the reviewer (Europol) may no longer see it, and is not told of this version.
    await h.publishNewVersion(id, { restrictedTo: ['DE'], summary: 'Federal investigation, German units only.' });
    await h.drained();
    expect(smtp.to(PIETER)).toEqual([]);

    await platform.jobs!.addJob('notifications.sendDigests');
    await expect.poll(() => smtp.to(PIETER).length, { timeout: 20_000 }).toBe(1);
    const [digest] = smtp.to(PIETER);
    // The notification about the procedure hidden from the reviewer since is neither listed nor counted.
    expect(digest!.subject).toBe('Eunomia: your daily digest, 1 notification');
    const lines = digest!.text!.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.replace(/ \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/, ''));
    expect(lines).toEqual([
      `- A new version (${(await monitoringVersion())}) of the procedure “${monitoring}” was published.`,
    ]);
    expect(digest!.text).not.toContain(title);
    expect(digest!.text).toContain(`${PUBLIC_URL}/notifications`);

    // Again, with nothing new: no mail.
    const runs = succeeded.filter((t) => t === 'notifications.sendDigests').length;
    await platform.jobs!.addJob('notifications.sendDigests');
    await expect.poll(() => succeeded.filter((t) => t === 'notifications.sendDigests').length, { timeout: 20_000 }).toBe(runs + 1);
    await h.drained();
    expect(smtp.to(PIETER)).toHaveLength(1);
    expect(smtp.to(LAIA)).toEqual([]);
  }, 60_000);

  /** The version the first test published of proc-de-by-monitoring (the newest). */
  async function monitoringVersion() {
    const { procedure } = await h.ok(`{ procedure(id: "proc-de-by-monitoring") { version } }`, {}, 'demo-manager-de');
    return procedure.version as number;
  }

  it('keeps in-app notifications flowing while the SMTP server is down, counts the failures, and delivers the mail once it is back', async () => {
    const id = 'proc-de-by-investigation';
    await h.follow(id, 'demo-practitioner-de');
    const title = await h.titleOf(id);
    const before = { unread: await h.unread('demo-practitioner-de'), mails: smtp.to(LENA).length, metrics: await metrics() };
    await smtp.stop();

    const version = await h.publishNewVersion(id, { summary: 'Federal investigation, during the outage.' });
    await expect.poll(() => h.unread('demo-practitioner-de'), { timeout: 15_000 }).toBe(before.unread + 1);
    await expect.poll(async () => (await metrics()).mailFailedAttempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(before.metrics.mailFailedAttempts + 1);
    expect((await metrics()).mailWaiting).toBe(1);
    const [queued] = await platform.databases.bySubgraph.notifications!.query(
      "SELECT to_address, sent_at, last_error FROM notifications.mail_queue WHERE kind = 'IMMEDIATE' ORDER BY id DESC LIMIT 1");
    expect(queued).toMatchObject({ to_address: LENA, sent_at: null, last_error: expect.stringContaining('ECONNREFUSED') });

    await smtp.start();
    await expect.poll(() => smtp.to(LENA).length, { timeout: 40_000 }).toBe(before.mails + 1);
    expect(smtp.to(LENA).at(-1)!.subject).toBe(`Eunomia: A new version (${version}) of the procedure “${title}” was published.`);
    await expect.poll(async () => (await metrics()).mailWaiting, { timeout: 5_000 }).toBe(0);
    expect((await metrics()).mailSent).toBe(before.metrics.mailSent + 1);
  }, 90_000);

  it('has no local outbox: NOT_FOUND', async () => {
    const r = await platform.query(LOCAL_MAIL, {}, 'demo-practitioner-de');
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0]!.message).toBe('The local mail outbox (this platform sends e-mail through SMTP) was not found.');
  });
});

describe('without an SMTP server (SMTP_URL unset)', () => {
  let platform: TestPlatform;
  const h = helpers(() => platform);
  beforeAll(async () => {
    platform = await startTestPlatform({ seeded: true, jobs: true, env: { PUBLIC_URL } });
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('puts each member\'s mail in the local outbox, where the console shows them theirs only', async () => {
    const id = 'proc-de-by-monitoring';
    await h.follow(id, 'demo-practitioner-de');
    await h.follow(id, 'demo-reviewer');
    const title = await h.titleOf(id);
    const version = await h.publishNewVersion(id, { summary: 'Bavarian monitoring, for the local outbox.' });
    await h.drained();
    const subject = `Eunomia: A new version (${version}) of the procedure “${title}” was published.`;
    for (const [who, address] of [['demo-practitioner-de', LENA], ['demo-reviewer', PIETER]] as const) {
      const mails = (await h.ok(LOCAL_MAIL, {}, who)).localMail;
      expect(mails.map((m: any) => ({ to: m.to, subject: m.subject }))).toEqual([{ to: address, subject }]);
      expect(mails[0].text).toContain(`${PUBLIC_URL}/notifications`);
    }
    expect((await h.ok(LOCAL_MAIL, {}, 'demo-manager-de')).localMail).toEqual([]);
  }, 60_000);
});
