// The comparison's shareable URL state: /compare?topic=MONITORING&j=ES-CT,DE,NL&at=2024-01-01&d=dim1,dim2.
// Pure (no DOM, no React) so it is unit-tested in node. Anything invalid in a URL someone pasted is dropped, never fatal.

export const TOPICS = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'] as const;
export type CompareTopic = (typeof TOPICS)[number];
export const DEFAULT_TOPIC: CompareTopic = 'MONITORING';
/** The API compares at most this many jurisdictions at once. */
export const MAX_JURISDICTIONS = 60;

export interface CompareState {
  topic: CompareTopic;
  /** Jurisdiction codes in the order chosen, without duplicates. */
  jurisdictions: string[];
  /** Dimension keys to limit the matrix to; empty means every dimension of the topic. */
  dimensions: string[];
  /** "As in force on" (YYYY-MM-DD); null means today. */
  at: string | null;
}

const JURISDICTION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$/;
const DIMENSION_KEY = /^[a-z][a-z0-9_]{0,79}$/;

export function isTopic(value: unknown): value is CompareTopic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function list(raw: string | null, valid: (s: string) => boolean, normalise: (s: string) => string, max: number): string[] {
  if (!raw) return [];
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const value = normalise(part.trim());
    if (value && valid(value) && !seen.has(value)) seen.add(value);
    if (seen.size >= max) break;
  }
  return [...seen];
}

export function parseCompareUrl(search: string | URLSearchParams): CompareState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const topic = params.get('topic')?.toUpperCase();
  const at = params.get('at');
  return {
    topic: isTopic(topic) ? topic : DEFAULT_TOPIC,
    jurisdictions: list(params.get('j'), (s) => JURISDICTION_CODE.test(s), (s) => s.toUpperCase(), MAX_JURISDICTIONS),
    dimensions: list(params.get('d'), (s) => DIMENSION_KEY.test(s), (s) => s, 100),
    at: at && isIsoDate(at) ? at : null,
  };
}

/** The query string (with its leading '?') for a state; commas stay readable. */
export function writeCompareUrl(state: CompareState): string {
  const parts = [`topic=${state.topic}`];
  const jurisdictions = [...new Set(state.jurisdictions)];
  if (jurisdictions.length) parts.push(`j=${jurisdictions.map(encodeURIComponent).join(',')}`);
  if (state.at) parts.push(`at=${state.at}`);
  const dimensions = [...new Set(state.dimensions)];
  if (dimensions.length) parts.push(`d=${dimensions.map(encodeURIComponent).join(',')}`);
  return `?${parts.join('&')}`;
}

/** The state with only the jurisdictions the API knows (a pasted URL may name others). */
export function keepKnown(state: CompareState, known: ReadonlySet<string>): CompareState {
  return { ...state, jurisdictions: state.jurisdictions.filter((code) => known.has(code)) };
}
