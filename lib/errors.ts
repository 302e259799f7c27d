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

/** Apollo formatError: keeps coded errors, hides everything else behind a generic message. */
export function maskError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const ext: Record<string, unknown> = {};
  if (formatted.extensions) {
    for (const [k, v] of Object.entries(formatted.extensions)) {
      if (k !== 'exception' && k !== 'stacktrace') ext[k] = v;
    }
  }
  if (PUBLIC_CODES.has(code)) return { ...formatted, extensions: ext };
  void original;
  return { message: 'Internal server error', ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
