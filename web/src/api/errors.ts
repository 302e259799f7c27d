import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** The coded error of a failed operation, or NETWORK when no GraphQL answer came back. */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return String(error.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (ServerError.is(error)) return error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 429 ? 'RATE_LIMITED' : 'SERVER';
  return 'NETWORK';
}

/** A sentence a member understands for a failed operation: bad input keeps the server's own message. */
export function errorSentence(error: unknown, t: TFunction): string {
  const code = errorCode(error);
  if (code === 'BAD_USER_INPUT' && CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? t('common:errors.BAD_USER_INPUT');
  return t(`common:errors.${code}`, { defaultValue: t('common:errors.UNKNOWN') });
}
