import { displayValue } from '../../lib/comparison.ts';
import { applyTypedValues } from '../../lib/typedValues.ts';
import type { PositionDimensionRow } from './entities.ts';

/** Applies position changes: every key must be a known dimension; a null value removes the key. */
export function applyPositions(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  dimensions: Map<string, PositionDimensionRow>,
): Record<string, unknown> {
  return applyTypedValues(current, changes, (key) => dimensions.get(key));
}

export const positionOf = (dim: PositionDimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim.unit) });
