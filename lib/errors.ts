import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { ZodError } from 'zod';

export type ErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR';

function coded(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, extra?: Record<string, unknown>) => coded('BAD_USER_INPUT', message, extra);
export const forbidden = (message = 'You are not allowed to do this.') => coded('FORBIDDEN', message);
export const notFound = (what: string) => coded('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string) => coded('CONFLICT', message);
export const unauthenticated = (message = 'The access token is invalid or expired.') => coded('UNAUTHENTICATED', message);

/** Turns a zod failure into one BAD_USER_INPUT error naming each bad field. */
export function fromZod(error: ZodError): GraphQLError {
  const fields = error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const text = fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ');
  return badInput(`Invalid input: ${text}`, { fields });
}

/** Parses input with a zod schema or throws a BAD_USER_INPUT error. */
export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

const PUBLIC_CODES = new Set<string>(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'TIMEOUT']);

// PostgreSQL's answers to text it cannot store (a NUL character, an encoding it cannot convert): the caller's input.
const UNSTORABLE_SQLSTATES = new Set(['22021', '22P05']);

function sqlStateOf(err: unknown): string | undefined {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = (e.driverError as { code?: unknown } | undefined)?.code ?? e.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e.originalError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return undefined;
}

const INTROSPECTION_REFUSED = 'This API does not answer introspection queries (__schema, __type).';
// Errors must not say which server software answers.
const NAMES_THE_SERVER = /\bApollo Server\b|\bApolloServer\b/i;
const SERVER_NAMED_REPLACEMENT = 'This request cannot be answered: send GraphQL operations with POST as application/json (queries may also use GET).';

/** Apollo formatError: keeps coded errors, hides everything else behind a generic message. */
export function maskError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  if (UNSTORABLE_SQLSTATES.has(sqlStateOf(original) ?? '')) {
    return { message: 'The input contains characters that cannot be stored (control characters or broken Unicode).', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = String(formatted.extensions?.code ?? '');
  const ext: Record<string, unknown> = {};
  if (formatted.extensions) {
    for (const [k, v] of Object.entries(formatted.extensions)) {
      if (k !== 'exception' && k !== 'stacktrace') ext[k] = v;
    }
  }
  if (ext.validationErrorCode === 'INTROSPECTION_DISABLED') {
    return { message: INTROSPECTION_REFUSED, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  if (PUBLIC_CODES.has(code) && !NAMES_THE_SERVER.test(formatted.message)) return { ...formatted, extensions: ext };
  if (PUBLIC_CODES.has(code)) return { message: SERVER_NAMED_REPLACEMENT, extensions: { code } };
  return { message: 'Internal server error', ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
