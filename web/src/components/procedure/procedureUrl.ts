// The procedure page's URL state: ?at=YYYY-MM-DD (as in force on), ?from=&to= (versions compared), ?with= (the other
// jurisdiction's procedure compared). Anything malformed is ignored rather than sent to the API.

export interface ProcedureUrlState {
  at: string | null;
  from: number | null;
  to: number | null;
  with: string | null;
}

/** A real calendar date written YYYY-MM-DD, or null. */
export function validDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

const version = (value: string | null) => (value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null);

export function parseProcedureUrl(params: URLSearchParams): ProcedureUrlState {
  const other = params.get('with');
  return {
    at: validDate(params.get('at')),
    from: version(params.get('from')),
    to: version(params.get('to')),
    with: other && /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(other) ? other : null,
  };
}

/** The versions to compare: those the URL names when both exist, else the one before the newest against the newest. */
export function versionsToCompare(state: Pick<ProcedureUrlState, 'from' | 'to'>, versions: readonly number[]): { from: number; to: number } | null {
  const known = [...new Set(versions)].sort((a, b) => a - b);
  if (known.length < 2) return null;
  if (state.from !== null && state.to !== null && known.includes(state.from) && known.includes(state.to)) return { from: state.from, to: state.to };
  return { from: known[known.length - 2]!, to: known[known.length - 1]! };
}

/** The URL's query string with some keys set (null removes one), others kept. */
export function withParams(params: URLSearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}
