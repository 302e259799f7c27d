import { badInput } from './errors.ts';

/** A typed attribute: what a comparison dimension needs to check a value. */
export interface TypedAttribute {
  key: string;
  valueType: string;
  allowedValues: string[] | null;
}

/** Checks a value against its attribute's type; returns the value to store or throws BAD_USER_INPUT. */
export function checkedTypedValue(attribute: TypedAttribute, value: unknown): unknown {
  const fail = (expected: string) => badInput(`Dimension "${attribute.key}" takes ${expected}; got ${JSON.stringify(value)?.slice(0, 80)}.`);
  const allowed = attribute.allowedValues ?? [];
  switch (attribute.valueType) {
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
      if (typeof value !== 'string' || !allowed.includes(value)) throw fail(`one of ${allowed.join(', ')}`);
      return value;
    case 'LIST':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !allowed.includes(v)) || new Set(value).size !== value.length) {
        throw fail(`a list of distinct values from ${allowed.join(', ')}`);
      }
      return value;
    default:
      throw fail('a known type');
  }
}

/**
 * Applies value changes keyed by attribute: each key at most once, known to `attributeOf` (which may
 * refuse it with its own BAD_USER_INPUT), its value checked; a null value removes the key.
 */
export function applyTypedValues<A extends TypedAttribute>(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  attributeOf: (key: string) => A | undefined,
): Record<string, unknown> {
  const next = { ...current };
  const seen = new Set<string>();
  for (const { key, value } of changes) {
    if (seen.has(key)) throw badInput(`Dimension "${key}" is given twice.`);
    seen.add(key);
    const attribute = attributeOf(key);
    if (!attribute) throw badInput(`Unknown dimension "${key}".`);
    if (value === null || value === undefined) delete next[key];
    else next[key] = checkedTypedValue(attribute, value);
  }
  return next;
}
