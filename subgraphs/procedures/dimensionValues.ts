import { badInput } from '../../lib/errors.ts';
import { displayValue } from '../../lib/comparison.ts';
import type { DimensionRow } from './entities.ts';

/** Checks a value against its dimension's type; returns the value to store or throws BAD_USER_INPUT. */
export function checkedValue(dim: DimensionRow, value: unknown): unknown {
  const fail = (expected: string) => badInput(`Dimension "${dim.key}" takes ${expected}; got ${JSON.stringify(value)?.slice(0, 80)}.`);
  switch (dim.valueType) {
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw fail('true or false');
      return value;
    case 'INTEGER':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail('a whole number');
      return value;
    case 'DECIMAL':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number');
      return value;
    case 'TEXT':
      if (typeof value !== 'string' || value.trim() === '' || value.length > 2000) throw fail('text of 1 to 2000 characters');
      return value.trim();
    case 'ENUM':
      if (typeof value !== 'string' || !(dim.allowedValues ?? []).includes(value)) throw fail(`one of ${(dim.allowedValues ?? []).join(', ')}`);
      return value;
    case 'LIST': {
      const allowed = dim.allowedValues ?? [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !allowed.includes(v)) || new Set(value).size !== value.length) {
        throw fail(`a list of distinct values from ${allowed.join(', ')}`);
      }
      return value;
    }
    default:
      throw fail('a known type');
  }
}

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
    else next[key] = checkedValue(dim, value);
  }
  return next;
}

export const dimensionValueOf = (dim: DimensionRow, value: unknown) => ({ dimension: dim, value, display: displayValue(value, dim.unit) });
