import { createHash, timingSafeEqual } from 'node:crypto';

export const SUBGRAPH_SECRET_HEADER = 'x-eunomia-subgraph-secret';

/** Constant-time comparison of a presented secret with the expected one. */
export function secretMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
