import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
// A dependency of @graphql-hive/gateway-runtime, at the version it asks for.
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { Authenticator, keySetup } from '../../lib/auth.ts';
import { loadConfig } from '../../lib/config.ts';
import { createDataSource } from '../../lib/database.ts';
import { PrincipalStore } from '../../lib/principals.ts';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/secret.ts';

// The benchmark's comparison gateway: @graphql-hive/gateway-runtime over the same supergraph (routing URLs
// rewritten by the benchmark to the subgraphs it started). Like our gateway it authenticates the token before
// executing, and forwards it with the subgraph secret. Env: PORT, SUPERGRAPH_FILE, DATABASE_URL, JWT_SECRET,
// SUBGRAPH_SECRET.
//
// The runtime loads its HTTP transport with import('@graphql-mesh/transport-http'), a package it does not depend on
// (the @graphql-hive/gateway CLI brings it). The transport below is that package's, minus header interpolation and
// subscriptions: an executor from @graphql-tools/executor-http over the runtime's fetch (which runs the plugins'
// onFetch hooks, header propagation included).
//
// executor-http merges identical queries in flight to the same subgraph with the same headers (on by default). The
// benchmark sends one query from one viewer on 16 connections, so that would answer most requests from another's
// subgraph call; our gateway sends every one. Off, so that both gateways do the same work.
const httpTransport = {
  getSubgraphExecutor: (payload: any) => buildHTTPExecutor({
    endpoint: payload.transportEntry.location,
    ...payload.transportEntry.options,
    deduplicateInflightRequests: false,
    getDisposeReason: payload.getDisposeReason,
    fetch: payload.fetch,
  }),
};

async function main() {
  const cfg = loadConfig();
  const supergraphFile = process.env.SUPERGRAPH_FILE;
  if (!supergraphFile) throw new Error('SUPERGRAPH_FILE is required');
  const secret = cfg.SUBGRAPH_SECRET;
  if (!secret || !cfg.DATABASE_URL) throw new Error('SUBGRAPH_SECRET and DATABASE_URL are required');
  const kernel = createDataSource({ url: cfg.DATABASE_URL, schema: 'access', poolSize: 4 });
  await kernel.initialize();
  const authenticator = new Authenticator(await keySetup(cfg), new PrincipalStore(kernel));

  const gateway = createGatewayRuntime({
    supergraph: readFileSync(supergraphFile, 'utf8'),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: false,
    logging: 'error',
    // Errors from the subgraphs come masked already; the runtime's own (planning, transport) are shown as they are.
    maskedErrors: false,
    transports: { http: httpTransport },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        [SUBGRAPH_SECRET_HEADER]: secret,
      }),
    },
    plugins: () => [
      {
        // A bad token is refused before execution, as our gateway does; a good one is forwarded.
        onRequest: async ({ request, url, endResponse, fetchAPI }: any) => {
          if (url.pathname !== '/graphql') return;
          try {
            await authenticator.viewerFor(request.headers.get('authorization'));
          } catch (err) {
            endResponse(new fetchAPI.Response(
              JSON.stringify({ errors: [{ message: (err as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] }),
              { status: 401, headers: { 'content-type': 'application/json' } },
            ));
          }
        },
      },
    ],
  });

  const server = createServer(gateway);
  await new Promise<void>((ok) => server.listen(cfg.PORT, '127.0.0.1', ok));
  console.log(`hive gateway is listening on http://127.0.0.1:${cfg.PORT}/graphql`);

  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await gateway.dispose();
    await kernel.destroy();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stop());
  }
}

main().catch((err) => {
  console.error('The Hive gateway could not start:', err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
