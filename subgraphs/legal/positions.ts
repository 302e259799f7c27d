import { displayValue } from '../../lib/comparison.ts';
import { applyTypedValues } from '../../lib/typedValues.ts';
import { badInput } from '../../lib/errors.ts';
import type { PositionDimensionRow } from './views.ts';
import { storable } from './inputs.ts';

/** Applies position changes: every key must be a known dimension; a null value removes the key. */
export function applyPositions(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  dimensions: Map<string, PositionDimensionRow>,
): Record<string, unknown> {
  const unstorable = changes.find(({ value }) => [value].flat().some((v) => typeof v === 'string' && !storable(v)));
  if (unstorable) throw badInput(`Dimension ${JSON.stringify(unstorable.key.slice(0, 80))} takes text without control characters or broken Unicode.`);
  return applyTypedValues(current, changes, (key) => dimensions.get(key), 'Dimension');
}

export const positionOf = (dim: PositionDimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim) });
