import { isNonPublic } from '../../lib/audit/declarations.ts';
import type { ExportedItems } from '../../lib/audit/declarations.ts';
import type { ItemKey, NotificationLoaders } from './loaders.ts';

/** A row that names an item by its title: consulted when the viewer may see the item and it is not PUBLIC. */
export type Consulting<R> = R & { consulted: ItemKey | null };

/** Marks which rows carry the title of a non-PUBLIC item the viewer may see (one batched look-up with the page's others). */
export async function markConsulted<R>(loaders: NotificationLoaders, rows: R[], itemOf: (row: R) => ItemKey | null): Promise<Consulting<R>[]> {
  return Promise.all(rows.map(async (row) => {
    const key = itemOf(row);
    const guard = key ? await loaders.visibleItem.load(key) : null;
    return Object.assign(row as object, { consulted: guard && isNonPublic(guard) ? key : null }) as Consulting<R>;
  }));
}

/** For the audit: the non-PUBLIC items whose titles a list carried, by type. */
export function consultedItems(rows: readonly { consulted?: ItemKey | null }[]): ExportedItems[] {
  const byType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.consulted) continue;
    byType.set(r.consulted.type, (byType.get(r.consulted.type) ?? new Set()).add(r.consulted.id));
  }
  return [...byType].map(([entityType, ids]) => ({ entityType, ids: [...ids] }));
}
