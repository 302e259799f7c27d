import type { DataSource, EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { badInput, conflict, notFound } from '../../lib/errors.ts';
import { MAX_FOLLOWS, MAX_SAVED_SEARCHES } from './inputs.ts';
import type { FollowTarget } from './inputs.ts';
import { DOC_TYPE_OF, FOLLOW_COLUMNS, SAVED_SEARCH_COLUMNS, SAVED_SEARCH_DOC_TYPE, itemGuards, jurisdictionTopicId } from './views.ts';
import type { EmailDelivery, FollowRow, SavedSearchRow } from './views.ts';

const NOT_FOUND_TEXT: Record<FollowTarget['targetType'], string> = {
  PROCEDURE: 'The procedure',
  LEGAL_FRAMEWORK: 'The legal framework',
  CURRICULUM: 'The curriculum',
  WORKSHOP: 'The workshop',
  JURISDICTION_TOPIC: 'The jurisdiction',
};

/** One member's writes at a time, so that the limits hold under concurrent requests. */
const lockMember = (tx: EntityManager, memberId: string) => tx.query("SELECT pg_advisory_xact_lock(hashtext('notifications.member:' || $1))", [memberId]);

export const targetIdOf = (t: FollowTarget) => (t.targetType === 'JURISDICTION_TOPIC' ? jurisdictionTopicId(t.jurisdiction, t.topic) : t.id);

/**
 * Follows a target the member may see now (NOT_FOUND otherwise, the same as for one that does not exist); following
 * it again returns the follow already made.
 */
export async function follow(db: DataSource, sources: string[], viewer: Viewer, target: FollowTarget): Promise<FollowRow> {
  const memberId = viewer.memberId!;
  return db.transaction(async (tx) => {
    if (target.targetType === 'JURISDICTION_TOPIC') {
      const [known] = await tx.query('SELECT 1 FROM directory.published_jurisdictions WHERE code = $1', [target.jurisdiction]);
      if (!known) throw notFound(`The jurisdiction ${target.jurisdiction}`);
    } else {
      const [guard] = await itemGuards(tx, sources, [{ type: DOC_TYPE_OF[target.targetType], id: target.id }]);
      if (!guard || !canSee(viewer, guard)) throw notFound(NOT_FOUND_TEXT[target.targetType]);
    }
    await lockMember(tx, memberId);
    const targetId = targetIdOf(target);
    const [existing] = await tx.query(`SELECT ${FOLLOW_COLUMNS} FROM notifications.follows WHERE member_id = $1 AND target_type = $2 AND target_id = $3`,
      [memberId, target.targetType, targetId]);
    if (existing) return existing as FollowRow;
    const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM notifications.follows WHERE member_id = $1', [memberId]);
    if (n >= MAX_FOLLOWS) throw conflict(`You follow ${MAX_FOLLOWS} items already, the most a member may; unfollow one first.`);
    const [row] = await tx.query(
      `INSERT INTO notifications.follows (member_id, target_type, target_id) VALUES ($1, $2, $3) RETURNING ${FOLLOW_COLUMNS}`,
      [memberId, target.targetType, targetId]);
    return row as FollowRow;
  });
}

export async function unfollow(db: DataSource, memberId: string, target: FollowTarget): Promise<boolean> {
  const [, deleted]: [unknown, number] = await db.query('DELETE FROM notifications.follows WHERE member_id = $1 AND target_type = $2 AND target_id = $3',
    [memberId, target.targetType, targetIdOf(target)]);
  return deleted > 0;
}

export interface SavedSearchInput {
  name: string;
  query: string;
  types?: string[] | null;
  jurisdictions?: string[] | null;
  topics?: string[] | null;
}

export async function saveSearch(db: DataSource, memberId: string, input: SavedSearchInput): Promise<SavedSearchRow> {
  if (!/[\p{L}\p{N}]/u.test(input.query)) throw badInput('Invalid input: query: must contain a word to search for');
  return db.transaction(async (tx) => {
    await lockMember(tx, memberId);
    const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM notifications.saved_searches WHERE member_id = $1', [memberId]);
    if (n >= MAX_SAVED_SEARCHES) throw conflict(`You have ${MAX_SAVED_SEARCHES} saved searches already, the most a member may; delete one first.`);
    const [row] = await tx.query(
      `INSERT INTO notifications.saved_searches (member_id, name, query, doc_types, jurisdictions, topics) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${SAVED_SEARCH_COLUMNS}`,
      [memberId, input.name, input.query, (input.types ?? []).map((t) => SAVED_SEARCH_DOC_TYPE[t]), [...new Set(input.jurisdictions ?? [])], [...new Set(input.topics ?? [])]]);
    return row as SavedSearchRow;
  });
}

export async function deleteSavedSearch(db: DataSource, memberId: string, id: string): Promise<boolean> {
  const [, deleted]: [unknown, number] = await db.query('DELETE FROM notifications.saved_searches WHERE id = $1 AND member_id = $2', [id, memberId]);
  return deleted > 0;
}

export async function markRead(db: DataSource, memberId: string, ids: string[] | 'all'): Promise<number> {
  // TypeORM answers an UPDATE with [rows, affected count].
  const [, changed]: [unknown, number] = ids === 'all'
    ? await db.query('UPDATE notifications.notifications SET read_at = now() WHERE member_id = $1 AND read_at IS NULL', [memberId])
    : await db.query('UPDATE notifications.notifications SET read_at = now() WHERE member_id = $1 AND id = ANY($2::bigint[]) AND read_at IS NULL', [memberId, ids]);
  return changed;
}

export async function setPreferences(db: DataSource, memberId: string, email: EmailDelivery): Promise<void> {
  await db.query(
    `INSERT INTO notifications.preferences (member_id, email) VALUES ($1, $2)
     ON CONFLICT (member_id) DO UPDATE SET email = excluded.email,
       -- When the choice changed: a digest covers what came since then (saving the same choice again moves nothing).
       updated_at = CASE WHEN notifications.preferences.email = excluded.email THEN notifications.preferences.updated_at ELSE now() END`,
    [memberId, email]);
}
