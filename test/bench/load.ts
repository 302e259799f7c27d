import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface LoadRequest {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses, responses with GraphQL `errors`, connection errors and timeouts. */
  errors: number;
  /** The first failed response (status and the start of its body), to show what went wrong. */
  sampleError: string | null;
}

export interface DriveOptions {
  connections: number;
  /** The measured window. */
  seconds: number;
  /** Load sent before the window, not measured; the window starts while it goes on, so requests are in flight at both ends. */
  warmup?: number;
  /** Called as the window starts and ends, under load (e.g. to sample CPU time). */
  onWindow?: { start(): void; end(): void };
}

/**
 * Sends POST requests to `url` from `connections` connections for `warmup` and then `seconds`, `requests` in turn, and
 * measures the responses completed within the window. Every response is checked: a status outside 2xx or a body
 * carrying `"errors":` counts as an error, in the warm-up too.
 */
export async function drive(url: string, requests: LoadRequest[], opts: DriveOptions): Promise<LoadResult> {
  const warmup = opts.warmup ?? 0;
  const samples: number[] = [];
  let lastStatus = 0;
  let failed = 0;
  let sampleError: string | null = null;
  const bodies = requests.map((r) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...r.headers },
    body: JSON.stringify({ query: r.query, variables: r.variables }),
  }));
  // Several requests are handed out in turn across all connections (each connection cycling through the list on its
  // own would send the same request from every connection at once).
  let next = 0;
  let measuring = false;
  let started = 0;
  let ended = 0;
  const instance = autocannon({
    url,
    connections: opts.connections,
    // Stopped at the window's end; the margin only matters if the timer is late.
    duration: warmup + opts.seconds + 5,
    timeout: 30,
    requests: bodies.length === 1 ? bodies : [{ setupRequest: (req) => ({ ...req, ...bodies[next++ % bodies.length]! }) }],
    // autocannon emits 'response' and then calls verifyBody for the same response, synchronously.
    verifyBody: (body: string) => {
      if (lastStatus < 200 || lastStatus >= 300 || body.includes('"errors":')) {
        failed += 1;
        sampleError ??= `HTTP ${lastStatus}: ${body.slice(0, 400)}`;
      }
      return true;
    },
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    lastStatus = statusCode;
    if (measuring) samples.push(responseTime);
  });
  const begin = () => {
    opts.onWindow?.start();
    measuring = true;
    started = performance.now();
  };
  const end = () => {
    measuring = false;
    ended = performance.now();
    opts.onWindow?.end();
    instance.stop();
  };
  const timers = [setTimeout(begin, warmup * 1000), setTimeout(end, (warmup + opts.seconds) * 1000)];
  const result = await instance.then((r) => r, (err: unknown) => {
    timers.forEach(clearTimeout);
    throw err;
  });
  timers.forEach(clearTimeout);
  if (!ended) end();
  const seconds = (ended - started) / 1000;
  samples.sort((a, b) => a - b);
  const transport = result.errors; // connection errors, timeouts included
  if (transport && !sampleError) sampleError = `${transport} connection errors or timeouts`;
  return {
    requests: samples.length,
    seconds,
    rps: samples.length / seconds,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    errors: failed + transport,
    sampleError,
  };
}

/** One request, for checks and SQL counts. */
export async function postOnce(url: string, r: LoadRequest): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...r.headers },
    body: JSON.stringify({ query: r.query, variables: r.variables }),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, body };
}
