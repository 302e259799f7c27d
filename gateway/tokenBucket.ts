/** A keyed token bucket: `burst` tokens at most, refilled at `perMinute` tokens a minute. */
export interface TokenBucketOptions {
  perMinute: number;
  burst: number;
  /** Milliseconds clock, for tests. */
  now?: () => number;
  /** Most keys kept at once; when full, the buckets idle longest are dropped first (they were the fullest). */
  maxKeys?: number;
}

export interface Decision {
  allowed: boolean;
  /** Tokens left after this request (whole tokens). */
  remaining: number;
  /** When refused: milliseconds until enough tokens are back. 0 when allowed. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private lastSweep: number;

  constructor(opts: TokenBucketOptions) {
    if (!(opts.perMinute > 0) || !(opts.burst >= 1)) throw new RangeError('perMinute must be > 0 and burst >= 1');
    this.perMs = opts.perMinute / 60_000;
    this.burst = opts.burst;
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 100_000;
    this.lastSweep = this.now();
  }

  /** Takes `cost` tokens from the key's bucket if it holds that many. */
  take(key: string, cost = 1): Decision {
    const now = this.now();
    this.sweep(now);
    const found = this.buckets.get(key);
    const tokens = found ? Math.min(this.burst, found.tokens + (now - found.at) * this.perMs) : this.burst;
    // Re-inserting keeps the map ordered from least to most recently used.
    this.buckets.delete(key);
    if (tokens >= cost) {
      this.buckets.set(key, { tokens: tokens - cost, at: now });
      this.evict();
      return { allowed: true, remaining: Math.floor(tokens - cost), retryAfterMs: 0 };
    }
    this.buckets.set(key, { tokens, at: now });
    this.evict();
    return { allowed: false, remaining: Math.floor(tokens), retryAfterMs: Math.ceil((cost - tokens) / this.perMs) };
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** A bucket that has refilled completely is the same as no bucket: forget it (at most once a minute). */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(key);
    }
  }

  private evict() {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}
