// Dimension values as the edit form holds them, and what to send: only the values the member changed.

export type DimensionType = 'BOOLEAN' | 'INTEGER' | 'DECIMAL' | 'TEXT' | 'ENUM' | 'LIST';

/** A value as the API stores it; null means not set. */
export type DraftValue = boolean | number | string | string[] | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What a control's raw state means as a stored value (an empty number or text field clears the value). */
export function draftValue(type: DimensionType, raw: unknown): DraftValue {
  switch (type) {
    case 'BOOLEAN': return typeof raw === 'boolean' ? raw : null;
    case 'INTEGER':
    case 'DECIMAL': return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    case 'TEXT':
    case 'ENUM': return typeof raw === 'string' && raw.trim() ? (type === 'TEXT' ? raw.trim() : raw) : null;
    case 'LIST': return Array.isArray(raw) && raw.length ? raw.map(String) : null;
  }
}

/** The values to send to setDimensionValues: every key whose value differs from the original (null removes it). */
export function changedValues(original: Record<string, unknown>, edited: Record<string, DraftValue>, order: readonly string[] = []): { key: string; value: DraftValue }[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  return Object.keys(edited)
    .filter((key) => !same(normaliseList(original[key]), normaliseList(edited[key])))
    .sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b))
    .map((key) => ({ key, value: edited[key] ?? null }));
}

// A list's order carries no meaning: the same choices ticked in another order are no change.
const normaliseList = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v ?? null);
