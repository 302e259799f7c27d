import { badInput } from './errors.ts';

/** A typed attribute: what a comparison dimension needs to check a value. */
export interface TypedAttribute {
  key: string;
  valueType: string;
  allowedValues: string[] | null;
}

/** The labels a typed attribute gives its allowed values (ENUM and LIST attributes), keyed by the stored code. */
export interface LabelledValues {
  allowedValues: string[] | null;
  valueLabels: Record<string, string> | null;
}

/** A stored typed attribute with the texts people read: a procedure's comparison dimension, a legal position's. */
export interface TypedAttributeRow {
  key: string;
  label: string;
  description: string;
  topic: string;
  valueType: string;
  unit: string | null;
  allowedValues: string[] | null;
  /** The label of each allowed value, keyed by its code. */
  valueLabels: Record<string, string>;
}

/** What people read for a stored code: the attribute's label for it, or the code itself when it has none. */
export function labelOfValue(attribute: Pick<LabelledValues, 'valueLabels'>, code: string): string {
  const labels = attribute.valueLabels;
  return labels && Object.hasOwn(labels, code) ? labels[code]! : code;
}

/** The allowed values of an ENUM or LIST attribute with their labels, in order; null for the other types. */
export function optionsOf(attribute: LabelledValues): { value: string; label: string }[] | null {
  return attribute.allowedValues?.map((value) => ({ value, label: labelOfValue(attribute, value) })) ?? null;
}

/**
 * Adds `value_labels` to a table of typed attributes (key, allowed_values): each allowed value's label from `labels`
 * (by key, then code), else the code itself, with a check that every allowed value keeps one. Migrations run it, so it
 * must not change.
 */
export async function addValueLabelsColumn(
  q: { query(sql: string, params?: unknown[]): Promise<unknown> },
  table: string,
  labels: Record<string, Record<string, string>>,
): Promise<void> {
  await q.query(`ALTER TABLE ${table} ADD COLUMN value_labels jsonb NOT NULL DEFAULT '{}'`);
  await q.query(`UPDATE ${table} d
    SET value_labels = (SELECT jsonb_object_agg(v, coalesce($1::jsonb -> d.key ->> v, v)) FROM unnest(d.allowed_values) v)
    WHERE cardinality(d.allowed_values) > 0`, [JSON.stringify(labels)]);
  await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table.split('.').at(-1)}_value_labels_check
    CHECK (jsonb_typeof(value_labels) = 'object' AND (allowed_values IS NULL OR value_labels ?& allowed_values))`);
}

/**
 * Checks a value against its attribute's type; returns the value to store or throws BAD_USER_INPUT, naming the
 * attribute with the caller's `noun` (capitalised, e.g. "Dimension").
 */
export function checkedTypedValue(attribute: TypedAttribute, value: unknown, noun: string): unknown {
  const fail = (expected: string) => badInput(`${noun} "${attribute.key}" takes ${expected}; got ${JSON.stringify(value)?.slice(0, 80)}.`);
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
 * refuse it with its own BAD_USER_INPUT), its value checked; a null value removes the key. Errors name an attribute
 * with `noun`.
 */
export function applyTypedValues<A extends TypedAttribute>(
  current: Record<string, unknown>,
  changes: { key: string; value?: unknown }[],
  attributeOf: (key: string) => A | undefined,
  noun: string,
): Record<string, unknown> {
  const next = { ...current };
  const seen = new Set<string>();
  for (const { key, value } of changes) {
    if (seen.has(key)) throw badInput(`${noun} "${key}" is given twice.`);
    seen.add(key);
    const attribute = attributeOf(key);
    if (!attribute) throw badInput(`Unknown ${noun.toLowerCase()} "${key}".`);
    if (value === null || value === undefined) delete next[key];
    else next[key] = checkedTypedValue(attribute, value, noun);
  }
  return next;
}
