/** `agencyId` → `agency_id`: a camelCase field name as its snake_case column. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Uppercase<Head> ? `_${Lowercase<Head>}` : Head}${SnakeCase<Tail>}`
  : S;

/** A raw row as PostgreSQL returns it for a view type: the same fields under their snake_case column names. */
export type ColumnRow<V> = { [K in keyof V & string as SnakeCase<K>]: V[K] };
