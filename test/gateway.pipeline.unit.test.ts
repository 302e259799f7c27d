import { createServer, get } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticationStep } from '../gateway/pipeline/authenticate.ts';
import { refuseNonJson } from '../gateway/pipeline/contentType.ts';
import { answerFailure } from '../gateway/pipeline/failure.ts';
import { answerHealth, answerReadiness } from '../gateway/pipeline/health.ts';
import { justificationOf } from '../gateway/pipeline/justification.ts';
import { operationLimitsStep } from '../gateway/pipeline/operationLimits.ts';
import { redirectToPage, serveGraphiql, serveSite } from '../gateway/pipeline/pages.ts';
import { addressRateKey, rateLimitStep, viewerRateKey } from '../gateway/pipeline/rateLimit.ts';
import { routeOf } from '../gateway/pipeline/route.ts';
import type { RouteKind } from '../gateway/pipeline/route.ts';
import { timeoutStep } from '../gateway/pipeline/timeout.ts';
import { operationLimits } from '../gateway/limits.ts';
import { ANONYMOUS } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import { loadGatewayLimits } from '../lib/config.ts';
import { unauthenticated } from '../lib/errors.ts';
import { BodyTooLarge } from '../lib/http.ts';
import { TokenBucketLimiter } from '../gateway/tokenBucket.ts';

// Each step of the gateway's request handling alone: a real HTTP exchange with one step behind it, or the step's
// pure decision. The whole gateway is tested in attack, console.gateway and supergraph.

/** The answer of a request no step answered: the step handed it on. */
const PASSED_ON = 204;

type Step = (req: IncomingMessage, res: ServerResponse) => unknown;
let step: Step = () => undefined;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    await step(req, res);
    if (!res.writableEnded) {
      res.writeHead(PASSED_ON);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Sends one request to `behind` and returns the answer as the client reads it. */
async function exchange(behind: Step, path = '/graphql', init: RequestInit = {}): Promise<Answer> {
  step = behind;
  const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** A logger whose lines the test reads. */
function recordingLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

describe('routing', () => {
  // What a browser's address bar sends, and what an API client does.
  const ACCEPT = { page: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', json: 'application/json', any: undefined };
  it.each<[string, keyof typeof ACCEPT, string, RouteKind, string]>([
    ['GET', 'any', '/healthz', 'health', '/healthz'],
    ['POST', 'any', '/healthz?x=1', 'health', '/healthz'],
    ['GET', 'any', '/readyz', 'readiness', '/readyz'],
    ['GET', 'any', '/auth/demo/members', 'demoSignIn', '/auth/demo/members'],
    ['POST', 'any', '/auth/demo/token', 'demoSignIn', '/auth/demo/token'],
    ['GET', 'page', '/graphiql', 'graphiql', '/graphiql'],
    ['POST', 'any', '/graphiql', 'site', '/graphiql'],
    ['GET', 'page', '/graphql', 'toPage', '/graphql'],
    ['GET', 'page', '/graphql?query=%7B__typename%7D', 'api', '/graphql'],
    ['GET', 'json', '/graphql', 'api', '/graphql'],
    ['POST', 'page', '/graphql', 'api', '/graphql'],
    ['PUT', 'any', '/graphql', 'api', '/graphql'],
    ['GET', 'page', '/', 'site', '/'],
    ['GET', 'page', '/compare?topic=MONITORING', 'site', '/compare'],
    ['GET', 'page', '/graphql/', 'site', '/graphql/'],
  ])('%s (accepting %s) %s goes to %s', (method, accepts, url, kind, path) => {
    const accept = ACCEPT[accepts];
    expect(routeOf({ method, url, headers: accept ? { accept } : {} })).toEqual({ kind, path });
  });

  it('takes a request without a URL as one for /', () => {
    expect(routeOf({ method: 'GET', url: undefined, headers: {} })).toEqual({ kind: 'site', path: '/' });
  });
});

describe('pages and health', () => {
  const page = { html: Buffer.from('<html>GraphiQL</html>'), gzip: Buffer.alloc(0) };

  it('serves GraphiQL where there is a page, and 404 in production', async () => {
    const off = await exchange((req, res) => serveGraphiql(req, res, null), '/graphiql');
    expect([off.status, off.json]).toEqual([404, error('GraphiQL is off in production.', 'NOT_FOUND')]);
    const on = await exchange((req, res) => serveGraphiql(req, res, page), '/graphiql', { headers: { 'accept-encoding': 'identity' } });
    expect(on.status).toBe(200);
    expect(on.text).toBe('<html>GraphiQL</html>');
    expect(on.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(on.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(on.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(on.headers.get('content-encoding')).toBeNull();
  });

  it('serves GraphiQL gzipped to a client that takes it', async () => {
    step = (req, res) => serveGraphiql(req, res, { ...page, gzip: gzipSync(page.html) });
    // fetch would unzip the body itself: read it as it comes.
    const { encoding, body } = await new Promise<{ encoding: string | undefined; body: Buffer }>((ok, fail) => {
      get(`${base}/graphiql`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', fail);
    });
    expect(encoding).toBe('gzip');
    expect(gunzipSync(body).toString()).toBe('<html>GraphiQL</html>');
  });

  it('sends a browser on /graphql to GraphiQL, or to the console without it', async () => {
    for (const [hasGraphiql, location] of [[true, '/graphiql'], [false, '/']] as const) {
      const r = await exchange((_req, res) => redirectToPage(res, hasGraphiql));
      expect([r.status, r.headers.get('location'), r.text]).toEqual([302, location, '']);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('answers any other path with 404 when there is no console, or when the console has no such file', async () => {
    const none = await exchange((req, res) => serveSite(req, res, '/nowhere', null), '/nowhere');
    expect([none.status, none.json]).toEqual([404, error('Not found. The API is at /graphql.', 'NOT_FOUND')]);
    const site = { serve: (_req: IncomingMessage, _res: ServerResponse, path: string) => path === '/served' && Boolean(_res.end('file')) };
    const missing = await exchange((req, res) => serveSite(req, res, '/nowhere', site), '/nowhere');
    expect([missing.status, missing.json]).toEqual([404, error('Not found.', 'NOT_FOUND')]);
    const served = await exchange((req, res) => serveSite(req, res, '/served', site), '/served');
    expect([served.status, served.text]).toEqual([200, 'file']);
  });

  it('answers /healthz, and /readyz naming each subgraph that does not answer', async () => {
    const health = await exchange((_req, res) => answerHealth(res), '/healthz');
    expect([health.status, health.json, health.headers.get('cache-control')]).toEqual([200, { status: 'ok' }, 'no-store']);
    // This test's own server answers /healthz of "up"; nothing listens on port 9.
    const urls = { up: `${base}/graphql`, down: 'http://127.0.0.1:9/graphql' };
    const notReady = await exchange((req, res) => (req.url === '/healthz' ? answerHealth(res) : answerReadiness(res, urls)), '/readyz');
    expect([notReady.status, notReady.json]).toEqual([503, { status: 'not ready', subgraphs: { up: true, down: false } }]);
    const ready = await exchange((req, res) => (req.url === '/healthz' ? answerHealth(res) : answerReadiness(res, { up: urls.up })), '/readyz');
    expect([ready.status, ready.json]).toEqual([200, { status: 'ready', subgraphs: { up: true } }]);
  });
});

describe('content type', () => {
  const refuse: Step = (req, res) => refuseNonJson(req, res);

  it('refuses a POST that is not JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await exchange(refuse, '/graphql', { method: 'POST', headers: { 'content-type': type }, body: '{"query":"{ __typename }"}' });
      expect(r.status, type).toBe(415);
      expect(r.headers.get('accept')).toBe('application/json');
      expect(r.json).toEqual(error('Send GraphQL operations as application/json.', 'BAD_REQUEST'));
    }
  });

  it('hands on a JSON POST (with or without charset) and any GET', async () => {
    const json = await exchange(refuse, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' });
    expect(json.status).toBe(PASSED_ON);
    expect((await exchange(refuse, '/graphql?query=x')).status).toBe(PASSED_ON);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After in whole seconds once the bucket is empty, per key', async () => {
    const overLimit = rateLimitStep(new TokenBucketLimiter({ perMinute: 60, burst: 2, now: () => 0 }));
    const charge = (key: string) => exchange((_req, res) => overLimit(key, res));
    expect((await charge('a')).status).toBe(PASSED_ON);
    expect((await charge('a')).status).toBe(PASSED_ON);
    const limited = await charge('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json).toEqual(error('Too many requests. Try again in 1 second.', 'RATE_LIMITED'));
    expect((await charge('b')).status).toBe(PASSED_ON);
    const slow = rateLimitStep(new TokenBucketLimiter({ perMinute: 1, burst: 1, now: () => 0 }));
    await exchange((_req, res) => slow('c', res));
    const minute = await exchange((_req, res) => slow('c', res));
    expect([minute.status, minute.headers.get('retry-after')]).toEqual([429, '60']);
    expect(minute.json).toEqual(error('Too many requests. Try again in 60 seconds.', 'RATE_LIMITED'));
  });

  it('charges a member to the member and anyone else to the address (an IPv6 client by its /64)', () => {
    const member: Viewer = { ...ANONYMOUS, memberId: 'demo-manager-es' };
    expect(viewerRateKey(member, '192.0.2.1')).toBe('member:demo-manager-es');
    expect(viewerRateKey(ANONYMOUS, '192.0.2.1')).toBe('address:192.0.2.1');
    expect(addressRateKey('2001:db8:1:2:3:4:5:6')).toBe('address:2001:db8:1:2::/64');
  });
});

describe('authentication', () => {
  const member: Viewer = { ...ANONYMOUS, memberId: 'demo-manager-es' };
  const authenticator = {
    viewerFor: async (authorization: string | null | undefined): Promise<Viewer> => {
      if (!authorization) return ANONYMOUS;
      if (authorization === 'Bearer good') return member;
      throw unauthenticated('The access token is invalid or expired.');
    },
  };

  it('hands on the viewer and the header as sent; anonymous without one', async () => {
    const authenticate = authenticationStep(authenticator, rateLimitStep(new TokenBucketLimiter({ perMinute: 1, burst: 1, now: () => 0 })));
    const callers: unknown[] = [];
    const run = (headers: Record<string, string>) => exchange(async (req, res) => callers.push(await authenticate(req, res, '192.0.2.1')), '/graphql', { headers });
    expect((await run({ authorization: 'Bearer good' })).status).toBe(PASSED_ON);
    expect((await run({})).status).toBe(PASSED_ON);
    expect(callers).toEqual([{ viewer: member, authorization: 'Bearer good' }, { viewer: ANONYMOUS, authorization: null }]);
  });

  it('refuses a bad token with 401, charged to the address: 429 once the address is over its limit', async () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1, now: () => 0 });
    const authenticate = authenticationStep(authenticator, rateLimitStep(limiter));
    const callers: unknown[] = [];
    const run = (address: string) => exchange(async (req, res) => callers.push(await authenticate(req, res, address)), '/graphql', { headers: { authorization: 'Bearer bad' } });
    const refused = await run('192.0.2.1');
    expect([refused.status, refused.json]).toEqual([401, error('The access token is invalid or expired.', 'UNAUTHENTICATED')]);
    const limited = await run('192.0.2.1');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect(callers).toEqual([null, null]);
    // The charge fell on the address's bucket, not on another address's.
    expect(limiter.take('address:192.0.2.1').allowed).toBe(false);
    expect((await run('192.0.2.2')).status).toBe(401);
  });
});

describe('justification', () => {
  it('is the header, cut to 500 characters, or null', () => {
    expect(justificationOf({ 'x-justification': 'Case 2025/117' })).toBe('Case 2025/117');
    expect(justificationOf({ 'x-justification': 'x'.repeat(600) })).toBe('x'.repeat(500));
    expect(justificationOf({})).toBeNull();
  });
});

describe('operation limits', () => {
  const limits = operationLimits(loadGatewayLimits({}), { production: true });
  const read = operationLimitsStep(1_000, limits.precheck);
  const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('refuses a document over the depth limit with 400, the refusal as its only error, and the request id', async () => {
    const deep = `{ a { b { c { d { e { f { g { h } } } } } } } }`;
    const r = await exchange((req, res) => read(req, res, 'request-1'), '/graphql', post(JSON.stringify({ query: deep })));
    expect(r.status).toBe(400);
    expect(r.headers.get('x-request-id')).toBe('request-1');
    expect(r.json).toEqual(error('Query depth limit of 7 exceeded, found 8.', 'GRAPHQL_VALIDATION_FAILED'));
  });

  it('hands on the request and its operation text, from a JSON body or the query string', async () => {
    const found: unknown[] = [];
    const keep: Step = async (req, res) => {
      const operation = await read(req, res, 'request-2');
      found.push(operation && { method: operation.request.method, text: operation.text });
    };
    expect((await exchange(keep, '/graphql', post('{"query":"{ __typename }"}'))).status).toBe(PASSED_ON);
    expect((await exchange(keep, '/graphql?query=%7B%20a%20%7D')).status).toBe(PASSED_ON);
    expect((await exchange(keep, '/graphql', post('[{"query":"{ __typename }"}]'))).status).toBe(PASSED_ON);
    expect(found).toEqual([{ method: 'POST', text: '{ __typename }' }, { method: 'GET', text: '{ a }' }, { method: 'POST', text: undefined }]);
  });

  it('throws BodyTooLarge for a body over the limit (the server answers 413)', async () => {
    const thrown: unknown[] = [];
    await exchange((req, res) => read(req, res, 'request-3').catch((err) => thrown.push(err)), '/graphql', post(JSON.stringify({ query: 'x'.repeat(2_000) })));
    expect(thrown).toEqual([expect.any(BodyTooLarge)]);
  });
});

describe('timeout', () => {
  it('aborts the operation\'s signal when time runs out, answers 504 and logs the operation\'s name', async () => {
    const { log, lines } = recordingLog();
    const within = timeoutStep(20, log);
    let signal: AbortSignal | null = null;
    let fail: (err: Error) => void = () => undefined;
    const results: unknown[] = [];
    const r = await exchange(async (_req, res) => {
      results.push(await within(res, { requestId: 'request-4', text: 'query Slow($id: ID!) { procedure(id: $id) { id } }' }, (s) => {
        signal = s;
        return new Promise<object>((_ok, no) => (fail = no));
      }));
    });
    expect(r.status).toBe(504);
    expect(r.headers.get('x-request-id')).toBe('request-4');
    expect(r.json).toEqual(error('The operation did not finish within 0.02 seconds and was stopped. Ask for less (fewer fields, smaller pages) or try again later.', 'TIMEOUT'));
    expect(results).toEqual([null]);
    expect(signal!.aborted).toBe(true);
    expect(lines.map(({ msg, requestId, operation, timeoutMs }) => ({ msg, requestId, operation, timeoutMs }))).toEqual([
      { msg: 'operation timed out', requestId: 'request-4', operation: 'Slow', timeoutMs: 20 },
    ]);
    // The work still under way ends on its own; a failure then is only logged.
    fail(new Error('late'));
    await new Promise((ok) => setImmediate(ok));
    expect(lines.map((l) => l.msg)).toEqual(['operation timed out', 'operation failed after its timeout']);
  });

  it('says "1 second" for a one-second limit', async () => {
    const { log } = recordingLog();
    const within = timeoutStep(1000, log);
    const r = await exchange((_req, res) => within(res, { requestId: 'request-5', text: null }, () => new Promise<object>(() => undefined)));
    expect((r.json as ReturnType<typeof error>).errors[0]!.message).toMatch(/^The operation did not finish within 1 second and was stopped\./);
  });

  it('hands on a result that comes in time, with its signal never aborted', async () => {
    const { log, lines } = recordingLog();
    const within = timeoutStep(1_000, log);
    let signal: AbortSignal | null = null;
    const results: unknown[] = [];
    const r = await exchange(async (_req, res) => {
      results.push(await within(res, { requestId: 'request-6', text: '{ a }' }, async (s) => {
        signal = s;
        return { data: 1 };
      }));
    });
    expect(r.status).toBe(PASSED_ON);
    expect(results).toEqual([{ data: 1 }]);
    expect(signal!.aborted).toBe(false);
    expect(lines).toEqual([]);
  });
});

describe('failure', () => {
  it('answers 413 for an oversize body, 500 for anything else (logged), and nothing once an answer is under way', async () => {
    const { log, lines } = recordingLog();
    const large = await exchange((_req, res) => answerFailure(res, new BodyTooLarge(), log));
    expect([large.status, large.json]).toEqual([413, error('The request body is too large.', 'BAD_REQUEST')]);
    expect(lines).toEqual([]);
    const broken = await exchange((_req, res) => answerFailure(res, new Error('boom'), log));
    expect([broken.status, broken.json]).toEqual([500, error('Internal server error', 'INTERNAL_SERVER_ERROR')]);
    const started = await exchange((_req, res) => {
      res.writeHead(200);
      res.write('partial');
      answerFailure(res, new Error('late'), log);
      res.end();
    });
    expect([started.status, started.text]).toEqual([200, 'partial']);
    expect(lines.map((l) => [l.msg, (l.err as { message: string }).message])).toEqual([['request failed', 'boom'], ['request failed', 'late']]);
  });
});
