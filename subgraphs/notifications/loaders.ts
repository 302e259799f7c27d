import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { byKey } from '../../lib/loaders.ts';
import { FOLLOW_COLUMNS, SAVED_SEARCH_COLUMNS, itemGuards } from './views.ts';
import type { FollowRow, ItemGuard, SavedSearchRow } from './views.ts';

export interface ItemKey {
  type: string;
  id: string;
}

const keyText = (k: ItemKey) => `${k.type}:${k.id}`;

/** Per-request loaders; everything a member owns is read for the viewer only. */
export function loadersFor(sources: string[], mail: { local: boolean }) {
  return (db: DataSource, viewer: Viewer) => {
    const own = viewer.memberId;
    return {
      sources,
      mail,
      /** Published items the viewer may see now, or null (hidden, withdrawn, unknown). */
      visibleItem: new DataLoader<ItemKey, ItemGuard | null, string>(async (keys) => {
        const guards = await itemGuards(db, sources, keys);
        const byKeyText = new Map(guards.map((g) => [keyText(g), g]));
        return keys.map((k) => {
          const g = byKeyText.get(keyText(k));
          return g && canSee(viewer, g) ? g : null;
        });
      }, { cacheKeyFn: keyText }),
      /** The viewer's follow of each target (`type` a FollowTargetType, `id` its target id), or null. */
      ownFollow: new DataLoader<ItemKey, FollowRow | null, string>(async (keys) => {
        if (!own) return keys.map(() => null);
        const rows: FollowRow[] = await db.query(
          `SELECT ${FOLLOW_COLUMNS} FROM notifications.follows WHERE member_id = $1
             AND (target_type, target_id) IN (SELECT type, id FROM jsonb_to_recordset($2::jsonb) AS k(type text, id text))`,
          [own, JSON.stringify(keys)]);
        const map = new Map(rows.map((r) => [`${r.targetType}:${r.targetId}`, r]));
        return keys.map((k) => map.get(keyText(k)) ?? null);
      }, { cacheKeyFn: keyText }),
      /** The viewer's saved searches by id (null for another member's). */
      ownSavedSearch: byKey<string, SavedSearchRow>(
        (ids) => (own ? db.query(`SELECT ${SAVED_SEARCH_COLUMNS} FROM notifications.saved_searches WHERE id = ANY($1::uuid[]) AND member_id = $2`, [ids, own]) : Promise.resolve([])),
        (s) => s.id,
      ),
    };
  };
}

export type NotificationLoaders = ReturnType<ReturnType<typeof loadersFor>>;
