import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger.ts';
import type { AuditCollector, Queryable } from './collector.ts';

interface AuditedContext {
  audit: AuditCollector;
  db: Queryable;
  log: Logger;
}

/**
 * Writes a request's audit entries once it has run, before its response leaves: one INSERT, or nothing when there
 * is nothing to log. When the log cannot be written the response is withheld (500, INTERNAL_SERVER_ERROR): nothing is
 * read without its audit row. A mutation has committed by then; its caller is told the outcome is unknown.
 */
export function auditPlugin(): ApolloServerPlugin<AuditedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const { audit, db, log } = rc.contextValue;
          try {
            await audit.flush(db);
          } catch (err) {
            log.error({ err }, 'audit log not written; response withheld');
            rc.response.http.status = 500;
            rc.response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: 'The audit log could not be written; the outcome of this request is unknown.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
            };
          }
        },
      };
    },
  };
}
