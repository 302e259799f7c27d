/** A matrix of items per jurisdiction (columns) against typed dimensions (rows). */
export interface MatrixDimension {
  key: string;
  label: string;
  unit?: string | null;
}

export interface MatrixCell<I> {
  jurisdiction: string;
  value: unknown;
  item: I | null;
}

export interface MatrixRow<D, I> {
  dimension: D;
  cells: MatrixCell<I>[];
  divergent: boolean;
}

const canonical = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);

/** Writes a value for people and CSV: lists joined, units appended. */
export function displayValue(value: unknown, unit?: string | null): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return unit ? `${value} ${unit}` : String(value);
}

/**
 * Builds the rows: one per dimension, one cell per jurisdiction in the order given. A row is divergent
 * when two jurisdictions hold different values (empty cells do not count).
 */
export function buildMatrix<D extends MatrixDimension, I>(
  dimensions: D[],
  jurisdictions: string[],
  itemOf: (jurisdiction: string) => I | null,
  valuesOf: (item: I) => Record<string, unknown>,
): MatrixRow<D, I>[] {
  return dimensions.map((dimension) => {
    const cells = jurisdictions.map((jurisdiction) => {
      const item = itemOf(jurisdiction);
      const value = item ? valuesOf(item)[dimension.key] : undefined;
      return { jurisdiction, value: value === undefined ? null : value, item };
    });
    const distinct = new Set(cells.filter((c) => c.value !== null).map((c) => canonical(c.value)));
    return { dimension, cells, divergent: distinct.size > 1 };
  });
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The matrix as CSV (RFC 4180): a header of jurisdictions, then one line per dimension. */
export function matrixCsv<D extends MatrixDimension, I>(rows: MatrixRow<D, I>[], jurisdictions: string[]): string {
  const lines = [['dimension', ...jurisdictions, 'divergent']];
  for (const r of rows) {
    lines.push([r.dimension.label, ...r.cells.map((c) => displayValue(c.value, r.dimension.unit)), r.divergent ? 'yes' : 'no']);
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
