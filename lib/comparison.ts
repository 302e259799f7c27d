import { csvDocument } from './csv.ts';
import { labelOfValue } from './typedValues.ts';
import type { LabelledValues } from './typedValues.ts';

/** A matrix of items per jurisdiction (columns) against typed dimensions (rows). */
export interface MatrixDimension extends Pick<LabelledValues, 'valueLabels'> {
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

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** Writes a value for people and CSV: codes as their labels, lists joined, booleans as Yes/No, units after numbers. */
export function displayValue(value: unknown, dimension: Pick<MatrixDimension, 'unit' | 'valueLabels'>): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => labelOfValue(dimension, String(v))).join('; ');
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string') return labelOfValue(dimension, value);
  return dimension.unit ? `${value} ${dimension.unit}` : String(value);
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

/** The matrix as CSV (RFC 4180, formulas made inert): a header of jurisdictions, then one line per dimension. */
export function matrixCsv<D extends MatrixDimension, I>(rows: MatrixRow<D, I>[], jurisdictions: string[]): string {
  const lines = [['dimension', ...jurisdictions, 'divergent']];
  for (const r of rows) {
    lines.push([r.dimension.label, ...r.cells.map((c) => displayValue(c.value, r.dimension)), yesNo(r.divergent)]);
  }
  return csvDocument(lines);
}
