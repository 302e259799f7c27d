import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.ts';
import type { RunningGateway } from '../gateway/index.ts';
import { Authenticator } from '../lib/auth.ts';
import type { GatewayLimits } from '../lib/config.ts';
import { PrincipalStore } from '../lib/principals.ts';
import { TokenBucketLimiter } from '../gateway/tokenBucket.ts';
import { SUPERGRAPH_PATH } from '../schema/compose.ts';
import { codes, silentLog, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// Attacks a client can make on the gateway in production mode, each with the exact answer it gets. After every
// attack the platform must still answer a normal query.

let prod: TestPlatform;
const extraGateways: RunningGateway[] = [];
const extraServers: Server[] = [];

beforeAll(async () => {
  prod = await startTestPlatform({
    seeded: true,
    env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused' },
  });
});
afterAll(async () => {
  for (const g of extraGateways) await g.stop();
  for (const s of extraServers) await new Promise((ok) => s.close(ok));
  await prod?.stop();
});

/** The platform still answers a normal query, whatever the attack did. */
afterEach(async () => {
  const ok = await prod.query<{ jurisdiction: { name: string } }>('{ jurisdiction(code: "ES") { name } }');
  expect(ok.status).toBe(200);
  expect(ok.data!.jurisdiction.name).toBe('Spain');
});

/** Another gateway (production unless said) over the same subgraphs, with limits of its own. */
async function gatewayWith(limits: Partial<GatewayLimits>, subgraphUrls: Record<string, string> = {}, production = true, now?: () => number): Promise<string> {
  const running = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { ...Object.fromEntries(prod.subgraphs.map((s) => [s.name, s.url])), ...subgraphUrls },
    secret: prod.secret,
    authenticator: new Authenticator(prod.keys, new PrincipalStore(prod.databases.kernel)),
    log: silentLog,
    production,
    bodyLimit: 100_000,
    limits,
    now,
  }, 0);
  extraGateways.push(running);
  return running.url;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const bearer = async (member: string) => ({ authorization: `Bearer ${await prod.token(member)}` });

/** Nothing in any error carries internals. */
function expectNoInternals(a: Answer) {
  for (const e of a.json?.errors ?? []) {
    expect(Object.keys(e.extensions ?? {})).not.toContain('stacktrace');
    expect(Object.keys(e.extensions ?? {})).not.toContain('exception');
  }
  expect(a.text).not.toMatch(/stacktrace|exception|node_modules|\.ts:\d+|ECONNREFUSED|127\.0\.0\.1:\d+/);
}

const INTROSPECTION_REFUSED = 'This API does not answer introspection queries (__schema, __type).';

const nested = (depth: number) => `{ jurisdiction(code: "ES") { ${'parent { '.repeat(depth - 2)}code${' }'.repeat(depth - 2)} } }`;

// compareProcedures rows x cells is the deepest operation the README and the suites send (depth 5).
const DEEPEST_LEGITIMATE = `{ compareProcedures(topic: MONITORING, jurisdictions: ["ES-CT", "DE", "NL", "IE", "IT"]) {
  divergentCount missing { code name }
  rows { divergent dimension { label unit } cells { jurisdiction { code } value { display } procedure { title } } }
  csv } }`;

describe('operation limits', () => {
  it('refuses alias overloading, __typename included', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r = await post(prod.gatewayUrl, { query: aliases(100) });
    expect(r.status).toBe(400);
    expect(codes(r.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.json!.errors![0]!.message).toBe('Aliases limit of 15 exceeded, found 100.');
    expect(r.json!.data).toBeUndefined();
    const fifteen = await post(prod.gatewayUrl, { query: aliases(15) });
    expect(fifteen.status).toBe(200);
    expect(Object.keys(fifteen.json!.data!)).toHaveLength(15);
    // Aliases hidden in fragments count too.
    const spread = await post(prod.gatewayUrl, { query: `{ ...F } fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `j${i}: jurisdiction(code: "ES") { code }`).join(' ')} }` });
    expect(spread.status).toBe(400);
    expect(spread.json!.errors![0]!.message).toBe('Aliases limit of 15 exceeded, found 16.');
  });

  it('refuses array batching', async () => {
    const r = await post(prod.gatewayUrl, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBe(400);
    expect(codes(r.json!)).toEqual(['BAD_REQUEST']);
    expect(r.json!.errors![0]!.message).toMatch(/batching/i);
  });

  it('refuses directive overloading', async () => {
    const r = await post(prod.gatewayUrl, { query: `{ jurisdiction(code: "ES") { name ${'@include(if: true) '.repeat(50)}} }` });
    expect(r.status).toBe(400);
    // The refusal is the only error: not one more per repeated directive.
    expect(r.json!.errors).toEqual([{ message: 'Directives limit of 5 exceeded, found 50.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const five = await post(prod.gatewayUrl, { query: '{ jurisdiction(code: "ES") { code @include(if: true) name @include(if: true) level @skip(if: false) parent @include(if: true) { code @skip(if: false) } } }' });
    expect(five.status).toBe(200);
    expect(five.json!.data).toEqual({ jurisdiction: { code: 'ES', name: 'Spain', level: 'NATIONAL', parent: { code: 'EU' } } });
    const six = await post(prod.gatewayUrl, { query: '{ jurisdiction(code: "ES") { code @include(if: true) name @include(if: true) level @skip(if: false) parent @include(if: true) { code @skip(if: false) name @skip(if: false) } } }' });
    expect(six.status).toBe(400);
    expect(six.json!.errors).toEqual([{ message: 'Directives limit of 5 exceeded, found 6.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses a deep query and lets the deepest legitimate one through', async () => {
    const deep = await post(prod.gatewayUrl, { query: nested(8) });
    expect(deep.status).toBe(400);
    expect(codes(deep.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(deep.json!.errors![0]!.message).toBe('Query depth limit of 7 exceeded, found 8.');
    // Fragments do not hide depth.
    const hidden = await post(prod.gatewayUrl, { query: `{ jurisdiction(code: "ES") { ...P } } fragment P on Jurisdiction { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } }` });
    expect(hidden.status).toBe(400);
    expect(hidden.json!.errors![0]!.message).toMatch(/^Query depth limit of 7 exceeded/);
    expect((await post(prod.gatewayUrl, { query: nested(7) })).status).toBe(200);
    const legit = await post(prod.gatewayUrl, { query: DEEPEST_LEGITIMATE }, await bearer('demo-manager-es'));
    expect(legit.status).toBe(200);
    expect(legit.json!.errors).toBeUndefined();
    expect((legit.json!.data!.compareProcedures as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });

  it('refuses an expensive query, with page sizes given literally, through variables or by default', async () => {
    const page = (first: string) => `procedures(first: ${first}) { nodes { id title jurisdiction { agencies { members { id displayName } } } } }`;
    const costly = `{ ${Array.from({ length: 5 }, (_, i) => `p${i}: ${page('100')}`).join(' ')} }`;
    const r = await post(prod.gatewayUrl, { query: costly });
    expect(r.status).toBe(400);
    expect(codes(r.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.json!.errors![0]!.message).toMatch(/^Query Cost limit of 20000 exceeded, found \d+/);
    const viaVariables = `query($n: Int) { ${Array.from({ length: 5 }, (_, i) => `p${i}: ${page('$n')}`).join(' ')} }`;
    const v = await post(prod.gatewayUrl, { query: viaVariables, variables: { n: 100 } });
    expect(v.status).toBe(400);
    expect(v.json!.errors![0]!.message).toMatch(/^Query Cost limit of 20000 exceeded/);
    // One page of 100 with the same selection is fine.
    const one = await post(prod.gatewayUrl, { query: `{ ${page('100')} }` });
    expect(one.status).toBe(200);
  });

  it('bounds page sizes, literal or through variables', async () => {
    for (const [query, variables] of [
      ['{ procedures(first: 100000) { totalCount } }', {}],
      ['query($n: Int) { procedures(first: $n) { totalCount } }', { n: 100000 }],
      ['{ procedures(first: -1) { totalCount } }', {}],
    ] as const) {
      const r = await post(prod.gatewayUrl, { query, variables });
      expect(r.status).toBe(400);
      expect(codes(r.json!)).toEqual(['BAD_USER_INPUT']);
      expect(r.json!.errors![0]!.message).toBe('first must be between 1 and 100.');
    }
  });

  it('judges a repeated document alike every time, and the same document with other variables anew', async () => {
    const deep = nested(8);
    for (let i = 0; i < 3; i++) {
      const r = await post(prod.gatewayUrl, { query: deep });
      expect(r.status).toBe(400);
      expect(r.json!.errors![0]!.message).toBe('Query depth limit of 7 exceeded, found 8.');
    }
    const query = `query($n: Int) { ${Array.from({ length: 5 }, (_, i) => `p${i}: procedures(first: $n) { nodes { id title jurisdiction { agencies { members { id displayName } } } } }`).join(' ')} }`;
    for (const [n, status] of [[2, 200], [100, 400], [2, 200], [100, 400], [500, 400]] as const) {
      const r = await post(prod.gatewayUrl, { query, variables: { n } });
      expect(r.status, `first: ${n}`).toBe(status);
      if (n === 500) expect(r.json!.errors![0]!.message).toBe('first must be between 1 and 100.');
      else if (status === 400) expect(r.json!.errors![0]!.message).toMatch(/^Query Cost limit of 20000 exceeded/);
    }
  });

  it('refuses an operation of too many tokens before validating it', async () => {
    const r = await post(prod.gatewayUrl, { query: `{ ${'__typename '.repeat(1500)}}` });
    expect(r.status).toBe(400);
    expect(codes(r.json!)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(r.json!.errors![0]!.message).toMatch(/Document contains more tha[nt] 1000 tokens/);
  });

  it('refuses an oversize body with 413', async () => {
    const r = await post(prod.gatewayUrl, { query: '{ __typename }', variables: { padding: 'x'.repeat(150_000) } });
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('schema exposure', () => {
  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { fields { name } } }']) {
      const r = await post(prod.gatewayUrl, { query });
      expect(r.status).toBe(400);
      expect(r.json!.errors).toEqual([{ message: INTROSPECTION_REFUSED, locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
      expect(r.text).not.toMatch(/apollo/i);
    }
    expect((await post(prod.gatewayUrl, { query: '{ __typename }' })).json!.data).toEqual({ __typename: 'Query' });
  });

  it('serves nothing browsable on the API path, gateway or subgraph, and names no server software', async () => {
    // What a browser sends when a person opens an address.
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const getQuery = `${prod.gatewayUrl}?query=${encodeURIComponent('{ jurisdiction(code: "ES") { name } }')}`;
    const opened = await send(getQuery, { headers: { ...html, 'apollo-require-preflight': 'true' } });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(opened.json).toEqual({ data: { jurisdiction: { name: 'Spain' } } });
    const bare = await send(prod.gatewayUrl, { headers: html, redirect: 'manual' });
    expect([bare.status, bare.headers.get('location'), bare.text]).toEqual([302, '/', '']);
    for (const subgraph of prod.subgraphs) {
      const r = await send(subgraph.url, { headers: { ...html, 'x-eunomia-subgraph-secret': prod.secret, 'apollo-require-preflight': 'true' } });
      expect(r.headers.get('content-type'), subgraph.name).not.toMatch(/html/);
      expect(r.text, subgraph.name).not.toMatch(/<html|<script|apollo/i);
    }
    for (const a of [opened, bare]) {
      expect(a.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(a.text).not.toMatch(/<html|<script|apollo/i);
    }
  });

  it('still lets GraphiQL introspect the schema in development', async () => {
    const dev = await gatewayWith({}, {}, false);
    const r = await post(dev, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }) });
    expect(r.status).toBe(200);
    expect(r.json!.errors).toBeUndefined();
    expect((r.json!.data!.__schema as { types: unknown[] }).types.length).toBeGreaterThan(50);
  });

  it('refuses circular introspection', async () => {
    const query = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name
      fields { type { ofType { name } } } } } } } } } } } } } } } }`;
    const r = await post(prod.gatewayUrl, { query });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ errors: [{ message: expect.stringMatching(/^Query depth limit of 7 exceeded, found \d+\.$/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    // Within the depth limit it is still introspection, and refused as such.
    const shallow = await post(prod.gatewayUrl, { query: '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }' });
    expect(shallow.status).toBe(400);
    expect(codes(shallow.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(shallow.json!.errors![0]!.message).toBe(INTROSPECTION_REFUSED);
  });

  it('keeps _service and _entities out of reach, also aliased or in fragments', async () => {
    const attempts = [
      '{ _service { sdl } }',
      '{ sdl: _service { sdl } }',
      '{ ...F } fragment F on Query { _service { sdl } }',
      '{ _entities(representations: [{ __typename: "Procedure", id: "proc-es-ct-monitoring" }]) { ... on Procedure { title } } }',
      '{ e: _entities(representations: [{ __typename: "Member", id: "demo-manager-es" }]) { __typename } }',
      '{ ...E } fragment E on Query { _entities(representations: []) { __typename } }',
    ];
    for (const query of attempts) {
      const r = await post(prod.gatewayUrl, { query }, await bearer('demo-manager-es'));
      expect(r.status, query).toBe(400);
      expect(codes(r.json!), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.json!.errors![0]!.message, query).toMatch(/^Cannot query field "_(service|entities)" on type "Query"\.$/);
      expect(r.text).not.toContain('@key');
    }
  });

  it('hides field suggestions', async () => {
    for (const query of ['{ jurisdiction(code: "ES") { nme } }', '{ procedurs { id } }']) {
      const r = await post(prod.gatewayUrl, { query });
      expect(r.status).toBe(400);
      expect(codes(r.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.json!.errors![0]!.message).not.toMatch(/Did you mean/);
      expect(r.json!.errors![0]!.message).not.toMatch(/"name"|"procedures"/);
    }
  });

  it('serves no GraphiQL', async () => {
    const r = await send(prod.gatewayUrl.replace(/\/graphql$/, '/graphiql'), { headers: { accept: 'text/html' } });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ errors: [{ message: 'GraphiQL is off in production.', extensions: { code: 'NOT_FOUND' } }] });
    expect(r.text).not.toContain('<html');
  });

  it('never answers with a stack trace or an exception', async () => {
    // An invalid variable.
    const bad = await post(prod.gatewayUrl, { query: 'query($n: Int) { procedures(first: $n) { totalCount } }', variables: { n: 'ten' } });
    expect(bad.status).toBe(400);
    expect(codes(bad.json!)).toEqual(['BAD_USER_INPUT']);
    expectNoInternals(bad);
    // A syntax error, an unknown operation name, a bad date.
    const syntax = await post(prod.gatewayUrl, { query: '{ jurisdiction(code: "ES") { name }' });
    expect(syntax.status).toBe(400);
    expect(codes(syntax.json!)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expectNoInternals(syntax);
    const unknownOperation = await post(prod.gatewayUrl, { query: 'query A { __typename }', operationName: 'B' });
    expect(unknownOperation.status).toBe(400);
    expect(codes(unknownOperation.json!)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expectNoInternals(unknownOperation);
    expect(unknownOperation.json!.errors![0]!.message).toBe('Unknown operation named "B".');
    // A value only a subgraph checks: its coded error, without the subgraph's URL or raw answer.
    const badDate = await post(prod.gatewayUrl, { query: '{ procedure(id: "proc-es-ct-monitoring", at: "yesterday") { id } }' });
    expect(badDate.status).toBe(200);
    expect(badDate.json!.data).toEqual({ procedure: null });
    expect(codes(badDate.json!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(badDate.json!.errors![0]!.message).toMatch(/A Date must be written YYYY-MM-DD/);
    expect(Object.keys(badDate.json!.errors![0]!.extensions!)).toEqual(['code']);
    expectNoInternals(badDate);
    // An internal failure: a subgraph that cannot be reached.
    const broken = await gatewayWith({}, { directory: 'http://127.0.0.1:9/graphql' });
    const internal = await post(broken, { query: '{ jurisdiction(code: "ES") { name } }' });
    expect(internal.status).toBe(200);
    expect(internal.json!.data).toEqual({ jurisdiction: null });
    expect(internal.json!.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expectNoInternals(internal);
  });
});

describe('transport', () => {
  const getUrl = (query: string) => `${prod.gatewayUrl}?query=${encodeURIComponent(query)}`;

  it('refuses other methods in plain words, without naming the server software', async () => {
    const r = await send(prod.gatewayUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(r.status).toBe(405);
    expect(r.json).toEqual({ errors: [{ message: 'This request cannot be answered: send GraphQL operations with POST as application/json (queries may also use GET).', extensions: { code: 'BAD_REQUEST' } }] });
    expect(r.text).not.toMatch(/apollo/i);
  });

  it('refuses mutations over GET', async () => {
    const mutation = 'mutation { inviteMember(input: { displayName: "X Y", email: "x@y.example", agency: "es-ct-mossos", tier: MANAGER }) { id } }';
    const r = await send(getUrl(mutation), { headers: { 'apollo-require-preflight': 'true', ...(await bearer('demo-admin')) } });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(codes(r.json!)).toEqual(['BAD_REQUEST']);
    expect(r.json!.errors![0]!.message).toBe('GET requests only support query operations, not mutation operations');
    // Without the preflight header the request is refused before it is even read.
    const simple = await send(getUrl(mutation));
    expect(simple.status).toBe(400);
    expect(codes(simple.json!)).toEqual(['BAD_REQUEST']);
  });

  it('keeps CSRF prevention on for GET queries', async () => {
    const simple = await send(getUrl('{ jurisdiction(code: "ES") { name } }'));
    expect(simple.status).toBe(400);
    expect(codes(simple.json!)).toEqual(['BAD_REQUEST']);
    expect(simple.json!.errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await send(getUrl('{ jurisdiction(code: "ES") { name } }'), { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json!.data).toEqual({ jurisdiction: { name: 'Spain' } });
  });

  it.each([
    ['url-encoded', 'application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n'],
    ['text/plain', 'text/plain', '{"query":"{ __typename }"}'],
    ['no content type', '', '{"query":"{ __typename }"}'],
  ])('refuses a %s POST with 415', async (_name, type, body) => {
    const r = await send(prod.gatewayUrl, {
      method: 'POST',
      headers: { ...(type ? { 'content-type': type } : {}), 'apollo-require-preflight': 'true' },
      body: type ? body : new Blob([body]),
    });
    expect(r.status).toBe(415);
    expect(r.headers.get('accept')).toBe('application/json');
    expect(r.json).toEqual({ errors: [{ message: 'Send GraphQL operations as application/json.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('rate limit and timeout', () => {
  it('limits each member and each anonymous address on its own, with 429 and Retry-After', async () => {
    // The limiter's clock stands still unless the test moves it: the burst does not refill however slow the requests.
    let now = 0;
    const url = await gatewayWith({ RATE_LIMIT_PER_MINUTE: 60, RATE_LIMIT_BURST: 3 }, {}, true, () => now);
    const query = { query: '{ jurisdiction(code: "ES") { code } }' };
    for (let i = 0; i < 3; i++) expect((await post(url, query)).status).toBe(200);
    const anonymous = await post(url, query);
    expect(anonymous.status).toBe(429);
    expect(anonymous.headers.get('retry-after')).toBe('1');
    expect(anonymous.json).toEqual({ errors: [{ message: 'Too many requests. Try again in 1 second.', extensions: { code: 'RATE_LIMITED' } }] });
    // Without TRUST_PROXY a forwarded-for header changes nothing, nor does a refused token.
    expect((await post(url, query, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect((await post(url, query, { authorization: 'Bearer not.a.token' })).status).toBe(429);
    // Health checks are not limited.
    expect((await send(url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);

    // The anonymous address being limited does not limit a member from it; one member does not limit another.
    const es = await bearer('demo-manager-es');
    for (let i = 0; i < 3; i++) expect((await post(url, query, es)).status).toBe(200);
    const limited = await post(url, query, es);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(codes(limited.json!)).toEqual(['RATE_LIMITED']);
    const de = await post(url, query, await bearer('demo-manager-de'));
    expect(de.status).toBe(200);

    // The bucket refills: not a moment before Retry-After, and then the anonymous client gets through again.
    now = 999;
    expect((await post(url, query)).status).toBe(429);
    now = 1000;
    expect((await post(url, query)).status).toBe(200);
  });

  it('keys anonymous clients behind a trusted proxy by the address the proxy added, not by what the client wrote', async () => {
    const url = await gatewayWith({ RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 1, TRUST_PROXY: '1' }, {}, true, () => 0);
    const query = { query: '{ __typename }' };
    expect((await post(url, query, { 'x-forwarded-for': '203.0.113.1, 198.51.100.1' })).status).toBe(200);
    // The same client writing another address in front of what the proxy added is still the same client.
    const again = await post(url, query, { 'x-forwarded-for': '203.0.113.2, 198.51.100.1' });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
    expect((await post(url, query, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  });

  it('stops an operation that runs out of time with TIMEOUT', async () => {
    const url = await gatewayWith({ OPERATION_TIMEOUT_MS: 1 });
    const r = await post(url, { query: DEEPEST_LEGITIMATE }, await bearer('demo-manager-es'));
    expect(r.status).toBe(504);
    expect(r.json).toEqual({
      errors: [{ message: 'The operation did not finish within 0.001 seconds and was stopped. Ask for less (fewer fields, smaller pages) or try again later.', extensions: { code: 'TIMEOUT' } }],
    });
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('client address', () => {
  /** A pass-through in front of the directory subgraph that records the headers the gateway sends. */
  async function recordingDirectory() {
    const seen: IncomingHttpHeaders[] = [];
    const target = new URL(prod.subgraphs.find((s) => s.name === 'directory')!.url);
    const server = createServer(async (req, res) => {
      seen.push(req.headers);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
      const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    extraServers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen };
  }

  it('forwards the address the gateway saw, never one the client claims', async () => {
    const direct = await recordingDirectory();
    const url = await gatewayWith({}, { directory: direct.url });
    const spoof = { 'x-eunomia-client-address': '192.0.2.66', 'x-forwarded-for': '192.0.2.77' };
    const r = await post(url, { query: '{ jurisdiction(code: "ES") { name } }' }, spoof);
    expect(r.json!.data).toEqual({ jurisdiction: { name: 'Spain' } });
    expect(direct.seen.map((h) => h['x-eunomia-client-address'])).toEqual(['127.0.0.1']);

    const proxied = await recordingDirectory();
    const behindProxy = await gatewayWith({ TRUST_PROXY: '1' }, { directory: proxied.url });
    await post(behindProxy, { query: '{ jurisdiction(code: "ES") { name } }' }, { ...spoof, 'x-forwarded-for': '192.0.2.77, 198.51.100.7' });
    expect(proxied.seen.map((h) => h['x-eunomia-client-address'])).toEqual(['198.51.100.7']);
  });

  it('walks X-Forwarded-For from the right through the trusted proxies only (TRUST_PROXY as hops or as a list)', async () => {
    const query = { query: '{ jurisdiction(code: "ES") { name } }' };
    // The client wrote 192.0.2.77; an edge proxy at 10.1.2.3 saw 198.51.100.7; a local proxy saw the edge proxy.
    const chain = { 'x-forwarded-for': '192.0.2.77, 198.51.100.7, 10.1.2.3' };
    const seenWith = async (TRUST_PROXY: string, headers: Record<string, string> = chain) => {
      const direct = await recordingDirectory();
      await post(await gatewayWith({ TRUST_PROXY }, { directory: direct.url }), query, headers);
      return direct.seen.map((h) => h['x-eunomia-client-address']);
    };
    expect(await seenWith('2')).toEqual(['198.51.100.7']);
    expect(await seenWith('loopback,10.0.0.0/8')).toEqual(['198.51.100.7']);
    expect(await seenWith('loopback, uniquelocal')).toEqual(['198.51.100.7']);
    // One hop trusted: the local proxy's finding, although the client's own entries precede it.
    expect(await seenWith('1')).toEqual(['10.1.2.3']);
    // A peer outside the list is the client, whatever it forwards; so is a hop count of 0.
    expect(await seenWith('10.0.0.0/8')).toEqual(['127.0.0.1']);
    expect(await seenWith('0')).toEqual(['127.0.0.1']);
    // Something other than an address where a trusted proxy's entry should be: the last trusted proxy answers for it.
    expect(await seenWith('loopback,10.0.0.0/8', { 'x-forwarded-for': '192.0.2.77, unknown, 10.1.2.3' })).toEqual(['10.1.2.3']);
  });
});

describe('the token bucket', () => {
  it('allows a burst, refills at its rate, says when to come back and keeps keys apart', () => {
    let now = 0;
    const bucket = new TokenBucketLimiter({ perMinute: 60, burst: 2, now: () => now });
    expect(bucket.take('a')).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(bucket.take('a').allowed).toBe(true);
    expect(bucket.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
    expect(bucket.take('b').allowed).toBe(true);
    now = 400;
    expect(bucket.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 600 });
    now = 1000;
    expect(bucket.take('a').allowed).toBe(true);
    now = 120_000; // full again, and forgotten at the next sweep
    expect(bucket.take('c').allowed).toBe(true);
    expect(bucket.size).toBe(1);
  });

  it('keeps at most maxKeys buckets, dropping the longest idle', () => {
    const bucket = new TokenBucketLimiter({ perMinute: 1, burst: 1, maxKeys: 2, now: () => 0 });
    bucket.take('a');
    bucket.take('b');
    bucket.take('a');
    bucket.take('c');
    expect(bucket.size).toBe(2);
    expect(bucket.take('a').allowed).toBe(false);
    expect(bucket.take('b').allowed).toBe(true);
  });
});
