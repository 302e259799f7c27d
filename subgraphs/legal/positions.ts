import { displayValue } from '../../lib/comparison.ts';
import { badInput } from '../../lib/errors.ts';
import { checkedTypedValue } from '../../lib/typedValues.ts';
import type { PositionDimensionRow } from './entities.ts';

/** Applies position changes: every key must be a known dimension; a null value removes the key. */
export function applyPositions(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  dimensions: Map<string, PositionDimensionRow>,
): Record<string, unknown> {
  const next = { ...current };
  const seen = new Set<string>();
  for (const { key, value } of changes) {
    if (seen.has(key)) throw badInput(`Dimension "${key}" is given twice.`);
    seen.add(key);
    const dim = dimensions.get(key);
    if (!dim) throw badInput(`Unknown dimension "${key}".`);
    if (value === null || value === undefined) delete next[key];
    else next[key] = checkedTypedValue(dim, value);
  }
  return next;
}

export const positionOf = (dim: PositionDimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim.unit) });
