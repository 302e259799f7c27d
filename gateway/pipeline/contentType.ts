import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType, sendError } from '../../lib/http.ts';

/**
 * Operations come as JSON only: form and plain-text bodies are what a cross-site form can send. Answers 415 and
 * returns true for any other POST.
 */
export function refuseNonJson(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST' || isJsonContentType(req.headers['content-type'])) return false;
  sendError(res, 415, 'BAD_REQUEST', 'Send GraphQL operations as application/json.', { accept: 'application/json' });
  return true;
}
