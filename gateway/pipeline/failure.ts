import type { ServerResponse } from 'node:http';
import { BodyTooLarge, sendError } from '../../lib/http.ts';
import type { Logger } from '../../lib/logger.ts';

/** A request whose handling threw: 413 for an oversize body; anything else is logged and, if nothing was sent yet, 500. */
export function answerFailure(res: ServerResponse, err: unknown, log: Logger): void {
  if (err instanceof BodyTooLarge) return sendError(res, 413, 'BAD_REQUEST', 'The request body is too large.');
  log.error({ err }, 'request failed');
  if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}
