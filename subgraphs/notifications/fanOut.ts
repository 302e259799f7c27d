import type { EntityManager } from 'typeorm';
import { principalCanSeeSql } from '../../lib/access.ts';
import { itemGuards } from './views.ts';
import type { FollowTargetType } from './views.ts';

/** A notification to make from one event, for the followers of a target or for one member. */
export interface Planned {
  /** Unique per event: a member gets at most one notification per key, however many ways they are concerned. */
  key: string;
  kind: string;
  item: { type: string; id: string } | null;
  followers?: { targetType: FollowTargetType; targetId: string };
  member?: string;
  /**
   * About the member's own business (an assignment, a contribution): made whether or not they may see the item, which
   * is then not named. Otherwise made only for members who may see the item now.
   */
  personal?: boolean;
  /**
   * The event took the item out of its owner's published view (a withdrawal) and says what its guard and title were
   * there: it is judged by those. Any other event about an item no longer published tells nobody.
   */
  gone?: ItemGuardAtEvent;
  detail?: Record<string, unknown>;
}

/** An item's guard and title as the event that took it out of the published view gives them. */
export interface ItemGuardAtEvent {
  title: string;
  visibility: string;
  restrictedTo: string[];
}

export interface Made {
  id: string;
  memberId: string;
}

const seesEvent = principalCanSeeSql('p', 'e');

/**
 * Makes the notifications of a batch of events in a constant number of statements, whatever the number of events and
 * followers: the items' guards now (a withdrawn item's as its event gives it), then one
 * INSERT over the events joined to the followers and their principals, checking access for each member. Idempotent:
 * a redelivered event makes nothing new.
 */
export async function makeNotifications(tx: EntityManager, sources: string[], planned: Planned[]): Promise<Made[]> {
  if (planned.length === 0) return [];
  const keys = [...new Map(planned.flatMap((p) => (p.item ? [[`${p.item.type}:${p.item.id}`, p.item] as const] : []))).values()];
  const current = await itemGuards(tx, sources, keys);
  const found = new Set(current.map((g) => `${g.type}:${g.id}`));
  const currentGuards = new Map(current.map((g) => [`${g.type}:${g.id}`, g]));
  const events = planned.map((p, ord) => {
    const key = p.item ? `${p.item.type}:${p.item.id}` : '';
    const g = p.gone ?? currentGuards.get(key);
    return {
      ord, key: p.key, kind: p.kind, item_type: p.item?.type ?? null, item_id: p.item?.id ?? null,
      target_type: p.followers?.targetType ?? null, target_id: p.followers?.targetId ?? null, member_id: p.member ?? null,
      personal: p.personal ?? false, detail: p.detail ?? {},
      title: g?.title ?? null, visibility: g?.visibility ?? null, restricted_to: g?.restrictedTo ?? [], gone: p.gone !== undefined,
    };
  }).filter((e) => e.personal || e.visibility !== null);
  if (events.length === 0) return [];
  return tx.query(
    `INSERT INTO notifications.notifications (member_id, kind, item_type, item_id, personal, title, detail, dedupe_key,
       gone_visibility, gone_restricted_to)
     SELECT a.member_id, e.kind, e.item_type, e.item_id, e.personal,
       CASE WHEN e.visibility IS NOT NULL AND ${seesEvent} THEN e.title END, e.detail, e.key,
       CASE WHEN e.gone THEN e.visibility END, CASE WHEN e.gone THEN e.restricted_to END
     FROM jsonb_to_recordset($1::jsonb) AS e(ord int, key text, kind text, item_type text, item_id text, target_type text, target_id text,
       member_id text, personal boolean, detail jsonb, title text, visibility text, restricted_to text[], gone boolean)
     CROSS JOIN LATERAL (
       SELECT f.member_id FROM notifications.follows f WHERE f.target_type = e.target_type AND f.target_id = e.target_id
       UNION SELECT e.member_id WHERE e.member_id IS NOT NULL) a
     JOIN access.principals p ON p.member_id = a.member_id
     WHERE CASE WHEN e.personal THEN p.active ELSE e.visibility IS NOT NULL AND ${seesEvent} END
     ORDER BY e.ord
     ON CONFLICT (member_id, dedupe_key) DO NOTHING
     RETURNING id::text, member_id AS "memberId"`,
    [JSON.stringify(events)]);
}

/** Document types whose publication or creation can be a new match for saved searches. */
export interface NewDocument {
  type: string;
  id: string;
}

/**
 * Records new matches of saved searches among these published documents of `source` and notifies their owners, in
 * two statements: a document matches when the owner may see it, it passes the search's filters and its title and text
 * contain the search's words (PostgreSQL's `simple` configuration, no stemming). A document is a match once per search;
 * a member already told of it by the same transaction (following it) is not told again.
 */
export async function matchSavedSearches(tx: EntityManager, source: string, docs: NewDocument[]): Promise<Made[]> {
  if (docs.length === 0) return [];
  const sees = principalCanSeeSql('p', 'd');
  return tx.query(
    `WITH d AS (
       SELECT s.doc_type, s.doc_id, s.title, s.body, s.visibility, s.restricted_to, s.jurisdiction, s.topics
       FROM ${source}.search_documents s JOIN jsonb_to_recordset($1::jsonb) AS k(type text, id text) ON s.doc_type = k.type AND s.doc_id = k.id),
     m AS (
       INSERT INTO notifications.saved_search_matches (saved_search_id, doc_type, doc_id)
       SELECT q.id, d.doc_type, d.doc_id FROM notifications.saved_searches q
       JOIN d ON (cardinality(q.doc_types) = 0 OR d.doc_type = ANY(q.doc_types))
         AND (cardinality(q.jurisdictions) = 0 OR d.jurisdiction = ANY(q.jurisdictions))
         AND (cardinality(q.topics) = 0 OR d.topics && q.topics)
         AND to_tsvector('simple', coalesce(d.title, '') || ' ' || coalesce(d.body, '')) @@ websearch_to_tsquery('simple', q.query)
       JOIN access.principals p ON p.member_id = q.member_id AND ${sees}
       ON CONFLICT DO NOTHING
       RETURNING saved_search_id, doc_type, doc_id)
     INSERT INTO notifications.notifications (member_id, kind, item_type, item_id, title, detail, saved_search_id, dedupe_key)
     SELECT q.member_id, 'SAVED_SEARCH_MATCH', m.doc_type, m.doc_id, d.title, jsonb_build_object('search', q.name), q.id,
       'match:' || q.id || ':' || m.doc_type || ':' || m.doc_id
     FROM m JOIN notifications.saved_searches q ON q.id = m.saved_search_id JOIN d ON d.doc_type = m.doc_type AND d.doc_id = m.doc_id
     -- Told of this item already by this transaction (as a follower): the match is kept, not told twice.
     WHERE NOT EXISTS (SELECT 1 FROM notifications.notifications x
       WHERE x.member_id = q.member_id AND x.item_type = m.doc_type AND x.item_id = m.doc_id AND x.created_at = now())
     ON CONFLICT (member_id, dedupe_key) DO NOTHING
     RETURNING id::text, member_id AS "memberId"`,
    [JSON.stringify(docs)]);
}
