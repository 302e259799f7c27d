// The field changes of a procedure diff written out for reading: FieldChange values are JSON.

export interface DisplayedDimension {
  display: string;
  dimension: { key: string; label: string };
}

/** The dimension key of a `dimension:<key>` field, or null for other fields. */
export const dimensionKeyOf = (field: string) => (field.startsWith('dimension:') ? field.slice('dimension:'.length) : null);

interface StepLike { action?: unknown; responsibleRole?: unknown; safeguards?: unknown }

/** A JSON value as a line of text: lists joined, steps by their actions, objects as "name: value". */
export function formatJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.every((v) => v && typeof v === 'object' && 'action' in v)) {
      return (value as StepLike[]).map((s, i) => {
        const safeguards = Array.isArray(s.safeguards) && s.safeguards.length ? ` — ${s.safeguards.map(String).join('; ')}` : '';
        return `${i + 1}. ${String(s.action)} (${String(s.responsibleRole ?? '')})${safeguards}`;
      }).join('\n');
    }
    return value.map(formatJson).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}: ${formatJson(v)}`).join('; ');
  }
  return String(value);
}

/** A dimension change as its label and each side's display text (from the versions' own dimension values). */
export function dimensionChange(field: string, left: readonly DisplayedDimension[], right: readonly DisplayedDimension[]):
  { label: string; before: string; after: string } | null {
  const key = dimensionKeyOf(field);
  if (!key) return null;
  const l = left.find((d) => d.dimension.key === key);
  const r = right.find((d) => d.dimension.key === key);
  return { label: l?.dimension.label ?? r?.dimension.label ?? key, before: l?.display ?? '', after: r?.display ?? '' };
}
