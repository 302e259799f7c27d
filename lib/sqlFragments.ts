/**
 * SQL text with its values kept apart: `texts[i]` comes before `values[i]`, and `texts` has one entry more than
 * `values`. The text is never searched for placeholders, so `?`, `?|`, `?&` (PostgreSQL's JSON operators) and a
 * `$1` inside a string literal mean what they say.
 */
export interface SqlFragment {
  readonly texts: readonly string[];
  readonly values: readonly unknown[];
}

const isFragment = (value: unknown): value is SqlFragment =>
  typeof value === 'object' && value !== null && Array.isArray((value as SqlFragment).texts) && Array.isArray((value as SqlFragment).values);

/**
 * A fragment from a template: each `${value}` becomes a parameter; a `${fragment}` is spliced in whole, its values
 * becoming parameters in turn.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  const texts = [strings[0]!];
  const flat: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      texts[texts.length - 1] += value.texts[0]!;
      texts.push(...value.texts.slice(1));
      flat.push(...value.values);
    } else {
      flat.push(value);
      texts.push('');
    }
    texts[texts.length - 1] += strings[i + 1]!;
  });
  return { texts, values: flat };
}

/** Trusted SQL text without parameters (an alias, a column list, or text whose `$n` already stand in `params`). */
export const rawSql = (text: string): SqlFragment => ({ texts: [text], values: [] });

/** The fragment's text, its values appended to `params` and written `$n` where they stand. */
export function bindSql(params: unknown[], fragment: SqlFragment): string {
  let text = fragment.texts[0]!;
  fragment.values.forEach((value, i) => {
    params.push(value);
    text += `$${params.length}${fragment.texts[i + 1]!}`;
  });
  return text;
}
