import { memberStateOf } from './memberStates.ts';

/** Whether jurisdiction `code` lies within `area` (ES-CT within ES, ES within EU; GB is not within EU). */
function within(code: string, area: string): boolean {
  if (code === area || code.startsWith(`${area}-`)) return true;
  return area === 'EU' && memberStateOf(code) !== null;
}

/**
 * The jurisdictions an item nested in two restrictions is open to: those of each list that lie within the other, in
 * code order. An empty list restricts nothing. Two lists that exclude each other leave the item open to nobody: null,
 * never [] (which would open it to everyone). The SQL function legal.search_restriction answers the same.
 */
export function nestRestrictions(outer: readonly string[], inner: readonly string[]): string[] | null {
  if (inner.length === 0) return [...outer];
  if (outer.length === 0) return [...inner];
  const nested = [...outer.filter((o) => inner.some((i) => within(o, i))), ...inner.filter((i) => outer.some((o) => within(i, o)))];
  return nested.length === 0 ? null : [...new Set(nested)].sort();
}
