import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from '../../lib/access.ts';
import type { Authenticator } from '../../lib/auth.ts';
import { sendError } from '../../lib/http.ts';
import { addressRateKey } from './rateLimit.ts';
import type { OverLimit } from './rateLimit.ts';

export interface Caller {
  viewer: Viewer;
  /** The Authorization header as sent, forwarded to the subgraphs (they verify it themselves). */
  authorization: string | null;
}

/**
 * The viewer the Authorization header names (anonymous without one). A refused token is charged to the client's
 * address, as an anonymous request would be, and answered 401 (429 when that address is over its limit); then
 * the step returns null.
 */
export function authenticationStep(authenticator: Pick<Authenticator, 'viewerFor'>, overLimit: OverLimit) {
  return async (req: IncomingMessage, res: ServerResponse, address: string): Promise<Caller | null> => {
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    try {
      return { viewer: await authenticator.viewerFor(authorization), authorization };
    } catch (err) {
      if (!overLimit(addressRateKey(address), res)) sendError(res, 401, 'UNAUTHENTICATED', (err as Error).message);
      return null;
    }
  };
}
