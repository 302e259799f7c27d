import { badInput } from '../../lib/errors.ts';
import { displayValue } from '../../lib/comparison.ts';
import { applyTypedValues } from '../../lib/typedValues.ts';
import type { DimensionRow } from './views.ts';
import { storable } from './inputs.ts';

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
  const unstorable = changes.find(({ value }) => [value].flat().some((v) => typeof v === 'string' && !storable(v)));
  if (unstorable) throw badInput(`Dimension ${JSON.stringify(unstorable.key.slice(0, 80))} takes text without control characters or broken Unicode.`);
  return applyTypedValues(current, changes, (key) => {
    const dim = dimensions.get(key);
    if (dim && dim.topic !== topic) throw badInput(`Dimension "${key}" belongs to ${dim.topic}, not ${topic}.`);
    return dim;
  }, 'Dimension');
}

export const dimensionValueOf = (dim: DimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim) });
