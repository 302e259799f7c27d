import DataLoader from 'dataloader';

/** A DataLoader for rows fetched by key in one statement; missing keys resolve to null. */
export function byKey<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await fetch(keys);
    const map = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** A DataLoader for one-to-many relations fetched for many parents in one statement. */
export function groupedBy<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, R[]>();
    for (const r of rows) {
      const k = keyOf(r);
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * A small reference table read whole, at most once per request, with a loader by key over it
 * (for tens of rows, such as comparison dimensions).
 */
export function wholeTable<K, R>(fetch: () => Promise<R[]>, keyOf: (row: R) => K) {
  let rows: Promise<R[]> | null = null;
  const all = () => (rows ??= fetch());
  const byKeyLoader = new DataLoader<K, R | null>(async (keys) => {
    const map = new Map((await all()).map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
  return { all, byKey: byKeyLoader };
}

/**
 * A row the caller knows the viewer sees (it has just written it, or the row shares the guard of one the viewer sees)
 * as a loader by key answers it: null there is a bug, and fails the field instead of passing as "hidden".
 */
export function expectRow<R>(row: R | null, key: unknown): R {
  if (row === null) throw new Error(`No row for ${String(key)}, which the viewer was known to see.`);
  return row;
}
