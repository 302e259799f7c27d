import './cloudProbes.ts';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Viewer } from '../lib/access.ts';
import type { Authenticator } from '../lib/auth.ts';
import { loadGatewayLimits } from '../lib/config.ts';
import type { GatewayLimits } from '../lib/config.ts';
import { maskError } from '../lib/errors.ts';
import { BodyTooLarge, isJsonContentType, listen, sendError, sendJson, toGraphQLRequest, writeGraphQLResponse } from '../lib/http.ts';
import type { Logger } from '../lib/logger.ts';
import { parseProxyTrust } from '../lib/proxyTrust.ts';
import { TokenBucketLimiter } from '../lib/rateLimit.ts';
import { JUSTIFICATION_HEADER } from '../lib/audit/headers.ts';
import { publicHost } from '../lib/subgraphServer.ts';
import { addressKey, clientAddress } from './clientAddress.ts';
import { BASE_SECURITY_HEADERS, consoleSite } from './console.ts';
import type { ConsoleAuth } from './console.ts';
import { DEMO_PATHS, handleDemoSignIn } from './demoSignIn.ts';
import type { DemoSignIn } from './demoSignIn.ts';
import { ForwardingDataSource } from './forwardingDataSource.ts';
import type { GatewayContext } from './forwardingDataSource.ts';
import { graphiqlPage } from './graphiql.ts';
import { operationLimits } from './limits.ts';
import { pooledFetcher } from './subgraphFetcher.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the routing URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  secret: string;
  authenticator: Authenticator;
  log: Logger;
  production: boolean;
  bodyLimit: number;
  /** Development only: compose from the running subgraphs instead of the committed supergraph. */
  introspect?: boolean;
  /**
   * Operation limits, rate limit, timeout and proxy trust (see GatewayLimits in lib/config.ts): the defaults,
   * overridden by what is given (the composition root passes the configuration's).
   */
  limits?: Partial<GatewayLimits>;
  /** Milliseconds clock of the rate limiter, for tests (default: Date.now). */
  now?: () => number;
  /** The web console: its built files and how it signs members in. Without it, / serves nothing. */
  console?: { dir: string; auth: ConsoleAuth };
  /** Embedded development mode only: the sign-in page's demo members and their tokens. */
  demoSignIn?: DemoSignIn;
}

export interface RunningGateway {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** The one entry point: authenticates, forwards to the subgraphs, serves GraphiQL and health checks. */
export async function startGateway(opts: GatewayOptions, port: number, host = '127.0.0.1'): Promise<RunningGateway> {
  const limits: GatewayLimits = { ...loadGatewayLimits({}), ...opts.limits };
  const trustProxy = parseProxyTrust(limits.TRUST_PROXY);
  const guard = operationLimits(limits, { production: opts.production });
  const rateLimiter = new TokenBucketLimiter({ perMinute: limits.RATE_LIMIT_PER_MINUTE, burst: limits.RATE_LIMIT_BURST, now: opts.now });
  const composeLive = Boolean(opts.introspect) && !opts.production;
  const pool = limits.SUBGRAPH_FETCHER === 'pooled' ? pooledFetcher() : null;
  const gateway = new ApolloGateway({
    supergraphSdl: composeLive
      ? new IntrospectAndCompose({ subgraphs: Object.entries(opts.subgraphUrls).map(([name, url]) => ({ name, url })) })
      : opts.supergraphSdl,
    buildService: ({ name, url }) => new ForwardingDataSource(opts.subgraphUrls[name] ?? url!, opts.secret, pool?.fetcher ?? null),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: false,
    // The process that runs the server decides when it stops (one signal handler per process, not one per server).
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskError,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    // A browser on /graphql is sent to the console or GraphiQL (below); the API itself serves no page.
    plugins: [guard.plugin, ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const page = opts.production ? null : graphiqlPage('/graphql');
  const site = opts.console ? consoleSite(opts.console.dir, opts.console.auth) : null;
  const log = opts.log.child({ service: 'gateway' });

  /** Charges one request to `key`; answers 429 with Retry-After and returns true when the bucket is empty. */
  const limited = (key: string, res: ServerResponse) => {
    const decision = rateLimiter.take(key);
    if (decision.allowed) return false;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    sendError(res, 429, 'RATE_LIMITED', `Too many requests. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { 'retry-after': String(seconds) });
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return readiness(res, opts.subgraphUrls);
    if (DEMO_PATHS.has(path)) {
      if (limited(`address:${addressKey(clientAddress(req, trustProxy))}`, res)) return;
      return handleDemoSignIn(req, res, path, opts.demoSignIn);
    }
    if (path === '/graphiql' && req.method === 'GET') {
      if (!page) return sendError(res, 404, 'NOT_FOUND', 'GraphiQL is off in production.');
      const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        ...BASE_SECURITY_HEADERS,
        'content-security-policy': "frame-ancestors 'none'",
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        ...(gz ? { 'content-encoding': 'gzip' } : {}),
      });
      return res.end(gz ? page.gzip : page.html);
    }
    // A person who opens the API's address in a browser is sent to something made for people.
    if (path === '/graphql' && req.method === 'GET' && wantsHtml(req) && !new URLSearchParams((req.url ?? '').split('?')[1] ?? '').has('query')) {
      res.writeHead(302, { ...BASE_SECURITY_HEADERS, location: page ? '/graphiql' : '/' });
      return res.end();
    }
    if (path !== '/graphql') {
      if (site?.serve(req, res, path)) return;
      return sendError(res, 404, 'NOT_FOUND', site ? 'Not found.' : 'Not found. The API is at /graphql.');
    }
    if (path !== '/graphql') return sendError(res, 404, 'NOT_FOUND', 'Not found. The API is at /graphql.');
    // Operations come as JSON only: form and plain-text bodies are what a cross-site form can send.
    if (req.method === 'POST' && !isJsonContentType(req.headers['content-type'])) {
      return sendError(res, 415, 'BAD_REQUEST', 'Send GraphQL operations as application/json.', { accept: 'application/json' });
    }
    const requestId = randomUUID();
    const address = clientAddress(req, trustProxy);
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    let viewer: Viewer;
    try {
      viewer = await opts.authenticator.viewerFor(authorization);
    } catch (err) {
      // A refused token is charged to the client's address, as an anonymous request would be.
      if (limited(`address:${addressKey(address)}`, res)) return;
      return sendError(res, 401, 'UNAUTHENTICATED', (err as Error).message);
    }
    if (limited(viewer.memberId ? `member:${viewer.memberId}` : `address:${addressKey(address)}`, res)) return;
    const given = req.headers[JUSTIFICATION_HEADER];
    const justification = typeof given === 'string' ? given.slice(0, 500) : null;
    const httpGraphQLRequest = await toGraphQLRequest(req, opts.bodyLimit);
    const refusals = guard.precheck(operationText(httpGraphQLRequest));
    if (refusals.length) {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
      return res.end(JSON.stringify({ errors: refusals }));
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), limits.OPERATION_TIMEOUT_MS);
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => ({ viewer, authorization, requestId, justification, clientAddress: address, signal: timeout.signal }),
    });
    const timedOut = new Promise<null>((resolve) => timeout.signal.addEventListener('abort', () => resolve(null), { once: true }));
    let response: Awaited<typeof execution> | null;
    try {
      response = await Promise.race([execution, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    if (!response) {
      // The work still under way ends on its own; its result is dropped.
      execution.catch((err) => log.warn({ err, requestId }, 'operation failed after its timeout'));
      log.warn({ requestId, operation: operationNameOf(operationText(httpGraphQLRequest)), timeoutMs: limits.OPERATION_TIMEOUT_MS }, 'operation timed out');
      const seconds = limits.OPERATION_TIMEOUT_MS / 1000;
      return sendError(res, 504, 'TIMEOUT',
        `The operation did not finish within ${seconds} second${seconds === 1 ? '' : 's'} and was stopped. Ask for less (fewer fields, smaller pages) or try again later.`,
        { 'x-request-id': requestId });
    }
    await writeGraphQLResponse(res, response, { ...BASE_SECURITY_HEADERS, 'x-request-id': requestId });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'BAD_REQUEST', 'The request body is too large.');
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    });
  });
  // A client gets this long to send its whole request (slow senders hold sockets otherwise).
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await listen(server, port, host, 'The gateway').catch(async (err) => {
    await apollo.stop();
    await pool?.close();
    throw err;
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${publicHost(host)}:${actual}/graphql`,
    server,
    stop: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      await pool?.close();
    },
  };
}

/** True when the client asks for a page (a browser's address bar), not for JSON. */
function wantsHtml(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html');
}

/** The operation's text: `query` of a JSON body or of the query string (GET). */
function operationText(request: { method: string; body: unknown; search: string }): unknown {
  if (request.method === 'GET') return new URLSearchParams(request.search).get('query');
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
}

/** The name of the document's first named operation, for log lines (never its variables). */
function operationNameOf(text: unknown): string | null {
  return typeof text === 'string' ? /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? null : null;
}

async function readiness(res: ServerResponse, urls: Record<string, string>) {
  const checks = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const r = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
        return [name, r.ok] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(checks);
  const ready = checks.every(([, ok]) => ok);
  sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs });
}
