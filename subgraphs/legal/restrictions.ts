import { memberStateOf } from './memberStates.ts';

/** Whether jurisdiction `code` lies within `area` (ES-CT within ES, ES within EU; GB is not within EU). */
function within(code: string, area: string): boolean {
  if (code === area || code.startsWith(`${area}-`)) return true;
  return area === 'EU' && memberStateOf(code) !== null;
}

/**
 * The jurisdictions an item nested in two restrictions is open to: those of each list that lie within the other.
 * An empty list restricts nothing.
 */
export function nestRestrictions(outer: readonly string[], inner: readonly string[]): string[] {
  if (outer.length === 0) return [...inner];
  if (inner.length === 0) return [...outer];
  const nested = [...outer.filter((o) => inner.some((i) => within(o, i))), ...inner.filter((i) => outer.some((o) => within(i, o)))];
  return [...new Set(nested)];
}
