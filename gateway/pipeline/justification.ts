import type { IncomingHttpHeaders } from 'node:http';
import { JUSTIFICATION_HEADER } from '../../lib/audit/headers.ts';

/** Why the client makes the request, for the audit log: its header, at most 500 characters; null without one. */
export function justificationOf(headers: IncomingHttpHeaders): string | null {
  const given = headers[JUSTIFICATION_HEADER];
  return typeof given === 'string' ? given.slice(0, 500) : null;
}
