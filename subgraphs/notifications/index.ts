import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { smtpMailer } from '../../lib/mailer.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { consultedItems } from './consulted.ts';
import type { Consulting } from './consulted.ts';
import { MailCounters, queueImmediateMail } from './delivery.ts';
import type { MailRoute } from './delivery.ts';
import { notifierFor } from './events.ts';
import type { AfterMade } from './events.ts';
import { notificationsJobs } from './jobs.ts';
import { loadersFor } from './loaders.ts';
import type { NotificationLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';
import type { FollowRow, NotificationRow } from './views.ts';

export interface NotificationsSubgraphOptions {
  /** Schemas that publish a `search_documents` view: the items followed and notified about, and their guards. */
  sources: string[];
  /** Whether e-mail goes to the local outbox (no SMTP_URL) rather than through SMTP. */
  localMail: boolean;
  /** The SMTP server (SMTP_URL) and sender (MAIL_FROM), when e-mail goes through SMTP. */
  smtp?: { url: string; from: string };
  /** The console's address for links in e-mail (PUBLIC_URL, or the gateway's). */
  publicUrl?: string;
  /** What else follows the making of notifications, in its transaction (after their e-mail is queued). */
  afterMade?: AfterMade;
}

/** The notifications subgraph: follows, saved searches, notifications made from the other subgraphs' outboxes, their e-mail. */
export function notificationsSubgraph(opts: NotificationsSubgraphOptions): SubgraphCode<NotificationLoaders> {
  if (!opts.localMail && !opts.smtp) throw new Error('The notifications subgraph sends through SMTP only with an SMTP server (SMTP_URL)');
  const counters = new MailCounters();
  let mailer: Mailer | null = null;
  const route: MailRoute = opts.localMail ? { kind: 'local' } : { kind: 'smtp', mailer: () => (mailer ??= smtpMailer(opts.smtp!.url, opts.smtp!.from)) };
  const afterMade: AfterMade = async (tx, made) => {
    counters.waiting += await queueImmediateMail(tx, made);
    await opts.afterMade?.(tx, made);
  };
  const loaders = loadersFor(opts.sources, { local: opts.localMail });
  return {
    name: 'notifications',
    typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
    resolvers,
    permissions,
    createLoaders: loaders,
    consumers: opts.sources.map((source) => notifierFor(source, opts.sources, afterMade)),
    jobs: notificationsJobs(opts.sources, { route, publicUrl: opts.publicUrl ?? 'http://localhost:4000' }, counters),
    metrics: () => ({ mailSent: counters.sent, mailFailedAttempts: counters.failedAttempts, mailWaiting: counters.waiting }),
    // A notification's message and a follow's title carry the title of the item they are about.
    audit: {
      consults: {
        'Member.notifications': (page: { nodes: Consulting<NotificationRow>[] }) => consultedItems(page.nodes),
        'Member.follows': (follows: Consulting<FollowRow>[]) => consultedItems(follows),
      },
    },
  };
}
