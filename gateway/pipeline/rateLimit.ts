import type { ServerResponse } from 'node:http';
import type { Viewer } from '../../lib/access.ts';
import { sendError } from '../../lib/http.ts';
import type { TokenBucketLimiter } from '../tokenBucket.ts';
import { addressKey } from '../clientAddress.ts';

/** Charges one request to `key`; answers 429 with Retry-After and returns true when the key's bucket is empty. */
export type OverLimit = (key: string, res: ServerResponse) => boolean;

export function rateLimitStep(limiter: TokenBucketLimiter): OverLimit {
  return (key, res) => {
    const decision = limiter.take(key);
    if (decision.allowed) return false;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    sendError(res, 429, 'RATE_LIMITED', `Too many requests. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { 'retry-after': String(seconds) });
    return true;
  };
}

/** The bucket of an anonymous client (or of one whose token was refused): its address, an IPv6 client by its /64. */
export function addressRateKey(address: string): string {
  return `address:${addressKey(address)}`;
}

/** The bucket of a request: its member's, or its address's when anonymous. */
export function viewerRateKey(viewer: Viewer, address: string): string {
  return viewer.memberId ? `member:${viewer.memberId}` : addressRateKey(address);
}
