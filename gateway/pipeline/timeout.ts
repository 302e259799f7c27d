import type { ServerResponse } from 'node:http';
import { sendError } from '../../lib/http.ts';
import type { Logger } from '../../lib/logger.ts';

/**
 * Runs an operation for at most `timeoutMs`. When time runs out, `run`'s signal is aborted (no further subgraph
 * request is sent), the request is answered 504 and the step returns null; the work still under way ends on its
 * own and its result is dropped.
 */
export function timeoutStep(timeoutMs: number, log: Logger) {
  return async <T extends object>(res: ServerResponse, operation: { requestId: string; text: unknown }, run: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const execution = run(timeout.signal);
    const timedOut = new Promise<null>((resolve) => timeout.signal.addEventListener('abort', () => resolve(null), { once: true }));
    let result: T | null;
    try {
      result = await Promise.race([execution, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    if (result !== null) return result;
    const { requestId } = operation;
    execution.catch((err) => log.warn({ err, requestId }, 'operation failed after its timeout'));
    log.warn({ requestId, operation: operationNameOf(operation.text), timeoutMs }, 'operation timed out');
    const seconds = timeoutMs / 1000;
    sendError(res, 504, 'TIMEOUT',
      `The operation did not finish within ${seconds} second${seconds === 1 ? '' : 's'} and was stopped. Ask for less (fewer fields, smaller pages) or try again later.`,
      { 'x-request-id': requestId });
    return null;
  };
}

/** The name of the document's first named operation, for log lines (never its variables). */
function operationNameOf(text: unknown): string | null {
  return typeof text === 'string' ? /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? null : null;
}
