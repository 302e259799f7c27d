import type { EntityManager } from 'typeorm';
import type { Visibility } from '../../lib/access.ts';
import type { Topic } from '../../lib/vocabulary.ts';

export const FOLLOW_TARGET_TYPES = ['PROCEDURE', 'LEGAL_FRAMEWORK', 'CURRICULUM', 'WORKSHOP', 'JURISDICTION_TOPIC'] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];
export type ItemTargetType = Exclude<FollowTargetType, 'JURISDICTION_TOPIC'>;

/** The document type the owning subgraph publishes each followable item under (its `search_documents` view). */
export const DOC_TYPE_OF: Record<ItemTargetType, string> = {
  PROCEDURE: 'Procedure',
  LEGAL_FRAMEWORK: 'LegalFramework',
  CURRICULUM: 'Curriculum',
  WORKSHOP: 'Workshop',
};

/** The GraphQL type of each item a notification or follow can be about (the doc types published). */
export const NOTIFIED_ITEM_TYPE_NAMES = ['Procedure', 'LegalFramework', 'LegalProvision', 'Curriculum', 'Workshop', 'SwotItem', 'Recommendation'] as const;
export type NotifiedItemType = (typeof NOTIFIED_ITEM_TYPE_NAMES)[number];
export const NOTIFIED_ITEM_TYPES = new Set<NotifiedItemType>(NOTIFIED_ITEM_TYPE_NAMES);

/** A saved search's types, as published document types. */
export const SAVED_SEARCH_DOC_TYPE: Record<string, string> = {
  PROCEDURE: 'Procedure',
  LEGAL_FRAMEWORK: 'LegalFramework',
  LEGAL_PROVISION: 'LegalProvision',
  CURRICULUM: 'Curriculum',
  WORKSHOP: 'Workshop',
  SWOT_ITEM: 'SwotItem',
  RECOMMENDATION: 'Recommendation',
};
export const SAVED_SEARCH_TYPE_OF = Object.fromEntries(Object.entries(SAVED_SEARCH_DOC_TYPE).map(([k, v]) => [v, k]));

/** Another subgraph's entity by its key (its owner resolves it); `__typename` where a union needs it. */
export interface ItemReference {
  __typename?: string;
  id: string;
}

/** `DE:MONITORING`: the target id of a jurisdiction and topic follow. */
export const jurisdictionTopicId = (jurisdiction: string, topic: string) => `${jurisdiction}:${topic}`;

export interface FollowRow {
  id: string;
  memberId: string;
  targetType: FollowTargetType;
  targetId: string;
  createdAt: string;
}

export interface SavedSearchRow {
  id: string;
  memberId: string;
  name: string;
  query: string;
  docTypes: string[];
  jurisdictions: string[];
  topics: Topic[];
  createdAt: string;
}

export interface NotificationRow {
  id: string;
  memberId: string;
  kind: string;
  itemType: string | null;
  itemId: string | null;
  personal: boolean;
  title: string | null;
  /** For an item that left its owner's published view (withdrawn): the guard it had there. */
  goneVisibility: Visibility | null;
  goneRestrictedTo: string[] | null;
  detail: Record<string, unknown>;
  savedSearchId: string | null;
  createdAt: string;
  readAt: string | null;
}

export type EmailDelivery = 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF';

export interface PreferencesView {
  memberId: string;
  email: EmailDelivery;
}

/** An item as its owner publishes it now: what decides who may see it, and its title. */
export interface ItemGuard {
  type: string;
  id: string;
  title: string;
  visibility: Visibility;
  restrictedTo: string[];
  jurisdiction: string | null;
  topics: string[];
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const FOLLOW_COLUMNS = `id::text, member_id AS "memberId", target_type AS "targetType", target_id AS "targetId", ${iso('created_at')} AS "createdAt"`;
export const SAVED_SEARCH_COLUMNS = `id::text, member_id AS "memberId", name, query, doc_types AS "docTypes", jurisdictions, topics,
  ${iso('created_at')} AS "createdAt"`;
export const NOTIFICATION_COLUMNS = `n.id::text, n.member_id AS "memberId", n.kind, n.item_type AS "itemType", n.item_id AS "itemId",
  n.personal, n.title, n.gone_visibility AS "goneVisibility", n.gone_restricted_to AS "goneRestrictedTo", n.detail, n.saved_search_id::text AS "savedSearchId", ${iso('n.created_at')} AS "createdAt", ${iso('n.read_at')} AS "readAt"`;

/**
 * The union of the sources' published views, as (doc_type, doc_id, title, visibility, restricted_to, jurisdiction,
 * topics): read when a follow is made, an event fans out, and a notification is read.
 */
export const guardsSql = (sources: string[]) => `(${sources.map((s) =>
  `SELECT doc_type, doc_id, title, visibility, restricted_to, jurisdiction, topics FROM ${s}.search_documents`).join(' UNION ALL ')})`;

/** The published guard of each item, in one statement (absent: not published, withdrawn or unknown). */
export async function itemGuards(db: Pick<EntityManager, 'query'>, sources: string[], keys: readonly { type: string; id: string }[]): Promise<ItemGuard[]> {
  if (keys.length === 0) return [];
  return db.query(
    `SELECT g.doc_type AS type, g.doc_id AS id, g.title, g.visibility, g.restricted_to AS "restrictedTo", g.jurisdiction, g.topics
     FROM ${guardsSql(sources)} g JOIN jsonb_to_recordset($1::jsonb) AS k(type text, id text) ON g.doc_type = k.type AND g.doc_id = k.id`,
    [JSON.stringify(keys.map((k) => ({ type: k.type, id: k.id })))]);
}

/** A member's e-mail choice (IMMEDIATE until they choose) and the address the directory holds for them. */
export async function preferencesOf(db: Pick<EntityManager, 'query'>, memberId: string): Promise<{ email: EmailDelivery; emailAddress: string | null }> {
  const [row] = await db.query(
    `SELECT coalesce((SELECT email FROM notifications.preferences WHERE member_id = $1), 'IMMEDIATE') AS email,
       (SELECT email FROM directory.member_contacts WHERE member_id = $1) AS address`, [memberId]);
  return { email: row.email, emailAddress: row.address ?? null };
}

/** The item a follow is about (none for a jurisdiction and topic). */
export const followedItem = (f: FollowRow) => (f.targetType === 'JURISDICTION_TOPIC' ? null : { type: DOC_TYPE_OF[f.targetType], id: f.targetId });

/** The item a notification is about, if any. */
export const notifiedItem = (n: NotificationRow) => (n.itemType && n.itemId ? { type: n.itemType, id: n.itemId } : null);

/**
 * Whether notification `n`'s item may be named to its reader: it has none, or it is published and `sees` it (a SQL
 * condition over an alias with `visibility` and `restricted_to`), or it left the published view (withdrawn) under a
 * guard `sees` passes. Correlated on the item, so each published view is probed by its key. The console asks it for
 * the request's viewer, e-mail for the member's principal row.
 */
export const itemShownSql = (sources: string[], sees: (alias: string) => string) => `(n.item_type IS NULL
  OR EXISTS (SELECT 1 FROM ${guardsSql(sources)} g WHERE g.doc_type = n.item_type AND g.doc_id = n.item_id AND ${sees('g')})
  OR (n.gone_visibility IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT n.gone_visibility AS visibility, n.gone_restricted_to AS restricted_to) w
    WHERE ${sees('w')})))`;
