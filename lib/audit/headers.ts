import type { IncomingHttpHeaders } from 'node:http';

/** Why the caller reads or changes data, forwarded by the gateway from the client's `X-Justification`. */
export const JUSTIFICATION_HEADER = 'x-justification';
/** The client's network address, as the gateway saw it. */
export const CLIENT_ADDRESS_HEADER = 'x-eunomia-client-address';

const single = (v: string | string[] | undefined, max: number): string | null => {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
};

/**
 * The audit facts a subgraph takes from a request's headers. Only requests carrying the gateway's shared secret
 * get this far, so the values are the gateway's.
 */
export function auditedHeaders(headers: IncomingHttpHeaders): { justification: string | null; clientAddress: string | null } {
  return { justification: single(headers[JUSTIFICATION_HEADER], 1000), clientAddress: single(headers[CLIENT_ADDRESS_HEADER], 100) };
}
