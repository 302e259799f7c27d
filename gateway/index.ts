import './cloudProbes.ts';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Viewer } from '../lib/access.ts';
import type { Authenticator } from '../lib/auth.ts';
import { maskError } from '../lib/errors.ts';
import { BodyTooLarge, sendError, sendJson, toGraphQLRequest, writeGraphQLResponse } from '../lib/http.ts';
import type { Logger } from '../lib/logger.ts';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { publicHost } from '../lib/subgraphServer.ts';
import { graphiqlPage } from './graphiql.ts';

export interface GatewayContext {
  viewer: Viewer;
  authorization: string | null;
  requestId: string;
  justification: string | null;
}

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
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private secret: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    if ('requestId' in context && context.requestId) headers.set('x-request-id', context.requestId);
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
    if ('justification' in context && context.justification) headers.set('x-justification', context.justification);
  }
}

export interface RunningGateway {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** The one entry point: authenticates, forwards to the subgraphs, serves GraphiQL and health checks. */
export async function startGateway(opts: GatewayOptions, port: number, host = '127.0.0.1'): Promise<RunningGateway> {
  const composeLive = Boolean(opts.introspect) && !opts.production;
  const gateway = new ApolloGateway({
    supergraphSdl: composeLive
      ? new IntrospectAndCompose({ subgraphs: Object.entries(opts.subgraphUrls).map(([name, url]) => ({ name, url })) })
      : opts.supergraphSdl,
    buildService: ({ name, url }) => new ForwardingDataSource(opts.subgraphUrls[name] ?? url!, opts.secret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskError,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
  });
  await apollo.start();
  const page = opts.production ? null : graphiqlPage('/graphql');
  const log = opts.log.child({ service: 'gateway' });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return readiness(res, opts.subgraphUrls);
    if (path === '/' && req.method === 'GET') {
      if (!page) return sendError(res, 404, 'NOT_FOUND', 'GraphiQL is off in production.');
      const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        ...(gz ? { 'content-encoding': 'gzip' } : {}),
      });
      return res.end(gz ? page.gzip : page.html);
    }
    if (path !== '/graphql') return sendError(res, 404, 'NOT_FOUND', 'Not found. The API is at /graphql.');
    const requestId = randomUUID();
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    let viewer: Viewer;
    try {
      viewer = await opts.authenticator.viewerFor(authorization);
    } catch (err) {
      return sendError(res, 401, 'UNAUTHENTICATED', (err as Error).message);
    }
    const justification = typeof req.headers['x-justification'] === 'string' ? req.headers['x-justification'].slice(0, 500) : null;
    const httpGraphQLRequest = await toGraphQLRequest(req, opts.bodyLimit);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => ({ viewer, authorization, requestId, justification }),
    });
    await writeGraphQLResponse(res, response, { 'x-request-id': requestId });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'BAD_REQUEST', 'The request body is too large.');
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    });
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${publicHost(host)}:${actual}/graphql`,
    server,
    stop: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
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
