import './cloudProbes.ts';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Authenticator } from '../lib/auth.ts';
import { loadGatewayLimits } from '../lib/config.ts';
import type { GatewayLimits } from '../lib/config.ts';
import { maskError } from '../lib/errors.ts';
import { listen, writeGraphQLResponse } from '../lib/http.ts';
import type { Logger } from '../lib/logger.ts';
import { parseProxyTrust } from '../lib/proxyTrust.ts';
import { TokenBucketLimiter } from './tokenBucket.ts';
import { publicHost } from '../lib/subgraphServer.ts';
import { clientAddress } from './clientAddress.ts';
import { BASE_SECURITY_HEADERS, consoleSite } from './console.ts';
import type { ConsoleAuth } from './console.ts';
import { handleDemoSignIn } from './demoSignIn.ts';
import type { DemoSignIn } from './demoSignIn.ts';
import { ForwardingDataSource } from './forwardingDataSource.ts';
import type { GatewayContext } from './forwardingDataSource.ts';
import { graphiqlPage } from './graphiql.ts';
import { operationLimits } from './limits.ts';
import { authenticationStep } from './pipeline/authenticate.ts';
import { refuseNonJson } from './pipeline/contentType.ts';
import { answerFailure } from './pipeline/failure.ts';
import { answerHealth, answerReadiness } from './pipeline/health.ts';
import { justificationOf } from './pipeline/justification.ts';
import { operationLimitsStep } from './pipeline/operationLimits.ts';
import { redirectToPage, serveGraphiql, serveSite } from './pipeline/pages.ts';
import { addressRateKey, rateLimitStep, viewerRateKey } from './pipeline/rateLimit.ts';
import { routeOf } from './pipeline/route.ts';
import { timeoutStep } from './pipeline/timeout.ts';
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
    // A browser on /graphql is sent to the console or GraphiQL (pipeline/route.ts); the API itself serves no page.
    plugins: [guard.plugin, ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const page = opts.production ? null : graphiqlPage('/graphql');
  const site = opts.console ? consoleSite(opts.console.dir, opts.console.auth) : null;
  const log = opts.log.child({ service: 'gateway' });

  const addressOf = (req: IncomingMessage) => clientAddress(req, trustProxy);
  const overLimit = rateLimitStep(new TokenBucketLimiter({ perMinute: limits.RATE_LIMIT_PER_MINUTE, burst: limits.RATE_LIMIT_BURST, now: opts.now }));
  const authenticate = authenticationStep(opts.authenticator, overLimit);
  const withinLimits = operationLimitsStep(opts.bodyLimit, guard.precheck);
  const withinTimeout = timeoutStep(limits.OPERATION_TIMEOUT_MS, log);

  // Each step either hands on what it found or answers the request itself (it then returns true or null).
  const api = async (req: IncomingMessage, res: ServerResponse) => {
    if (refuseNonJson(req, res)) return;
    const requestId = randomUUID();
    const address = addressOf(req);
    const caller = await authenticate(req, res, address);
    if (!caller || overLimit(viewerRateKey(caller.viewer, address), res)) return;
    const justification = justificationOf(req.headers);
    const operation = await withinLimits(req, res, requestId);
    if (!operation) return;
    const response = await withinTimeout(res, { requestId, text: operation.text }, (signal) => apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: operation.request,
      context: async () => ({ ...caller, requestId, justification, clientAddress: address, signal }),
    }));
    if (!response) return;
    await writeGraphQLResponse(res, response, { ...BASE_SECURITY_HEADERS, 'x-request-id': requestId });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const { kind, path } = routeOf(req);
    switch (kind) {
      case 'health': return answerHealth(res);
      case 'readiness': return answerReadiness(res, opts.subgraphUrls);
      case 'demoSignIn':
        if (overLimit(addressRateKey(addressOf(req)), res)) return;
        return handleDemoSignIn(req, res, path, opts.demoSignIn);
      case 'graphiql': return serveGraphiql(req, res, page);
      case 'toPage': return redirectToPage(res, page !== null);
      case 'site': return serveSite(req, res, path, site);
      case 'api': return api(req, res);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => answerFailure(res, err, log));
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
