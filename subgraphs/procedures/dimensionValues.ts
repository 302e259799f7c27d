import { badInput } from '../../lib/errors.ts';
import { displayValue } from '../../lib/comparison.ts';
import { checkedTypedValue } from '../../lib/typedValues.ts';
import type { DimensionRow } from './entities.ts';

/**
 * Applies changes to a set of dimension values: every key must be a dimension of the procedure's topic;
 * a null value removes the key.
 */
export function applyDimensionValues(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  dimensions: Map<string, DimensionRow>,
  topic: string,
): Record<string, unknown> {
  if (changes.length > 100) throw badInput('Set at most 100 dimension values at once.');
  const next = { ...current };
  const seen = new Set<string>();
  for (const { key, value } of changes) {
    if (seen.has(key)) throw badInput(`Dimension "${key}" is given twice.`);
    seen.add(key);
    const dim = dimensions.get(key);
    if (!dim) throw badInput(`Unknown dimension "${key}".`);
    if (dim.topic !== topic) throw badInput(`Dimension "${key}" belongs to ${dim.topic}, not ${topic}.`);
    if (value === null || value === undefined) delete next[key];
    else next[key] = checkedTypedValue(dim, value);
  }
  return next;
}

export const dimensionValueOf = (dim: DimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim.unit) });
