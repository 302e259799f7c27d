import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { consultedItems } from './consulted.ts';
import type { Consulting } from './consulted.ts';
import { notifierFor } from './events.ts';
import type { AfterMade } from './events.ts';
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
  /** What follows the making of notifications, in its transaction (queueing e-mail). */
  afterMade?: AfterMade;
}

/** The notifications subgraph: follows, saved searches, notifications made from the other subgraphs' outboxes. */
export function notificationsSubgraph(opts: NotificationsSubgraphOptions): SubgraphCode<NotificationLoaders> {
  const afterMade = opts.afterMade ?? (async () => undefined);
  const loaders = loadersFor(opts.sources, { local: opts.localMail });
  return {
    name: 'notifications',
    typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
    resolvers,
    permissions,
    createLoaders: loaders,
    consumers: opts.sources.map((source) => notifierFor(source, opts.sources, afterMade)),
    // A notification's message and a follow's title carry the title of the item they are about.
    audit: {
      consults: {
        'Member.notifications': (page: { nodes: Consulting<NotificationRow>[] }) => consultedItems(page.nodes),
        'Member.follows': (follows: Consulting<FollowRow>[]) => consultedItems(follows),
      },
    },
  };
}
