import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode, GraphQLResolveInfo, GraphQLScalarType, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import type { DataSource, EntitySchema } from 'typeorm';
import type { MigrationClass } from './database.ts';
import type { JobDefinitions } from './jobs.ts';
import { runConsumer } from './outboxConsumer.ts';
import type { OutboxConsumer } from './outboxConsumer.ts';
import type { Viewer } from './access.ts';
import type { Authenticator } from './auth.ts';
import { AuditCollector } from './audit/collector.ts';
import type { AuditDeclarations } from './audit/declarations.ts';
import { auditedHeaders } from './audit/headers.ts';
import { auditMiddleware } from './audit/middleware.ts';
import { auditPlugin } from './audit/plugin.ts';
import type { SubgraphContext } from './context.ts';
import { maskError } from './errors.ts';
import { BodyTooLarge, listen, sendError, sendJson, toGraphQLRequest, writeGraphQLResponse } from './http.ts';
import type { Logger } from './logger.ts';
import { SUBGRAPH_SECRET_HEADER, secretMatches } from './secret.ts';
import { buildShield } from './shieldRules.ts';

/**
 * A resolver map whose resolvers take the subgraph's context: field resolvers (parent, args, context, info) and
 * federation's `__resolveReference` (reference, context, info). Each subgraph's generated `Resolvers` type checks
 * parents and arguments.
 */
export type SubgraphResolvers<C> = Readonly<Record<string, GraphQLScalarType | Readonly<Record<string,
  | ((parent: never, args: never, context: C, info: GraphQLResolveInfo) => unknown)
  | ((reference: never, context: C, info: GraphQLResolveInfo) => unknown)
  | undefined>> | undefined>>;

/** What a subgraph runs with: its code (SubgraphCode) and its schema's migrations. */
export interface SubgraphDefinition<L = unknown> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers<SubgraphContext<L>>;
  permissions: IRules;
  createLoaders(db: DataSource, viewer: Viewer): L;
  /**
   * TypeORM entities, for a subgraph whose code reads its tables through TypeORM repositories (directory); the others
   * read and write them in SQL, with row types in their views.ts.
   */
  entities?: EntitySchema[];
  /** Kept in migrations/<name>/ and attached by the composition root (scripts/services.ts). */
  migrations: MigrationClass[];
  /** Reactions to other subgraphs' outbox events, run while the subgraph runs. */
  consumers?: OutboxConsumer[];
  /** Whether the subgraph publishes `<name>.search_documents`, its searchable projection, for the search index. */
  publishesSearchDocuments?: boolean;
  /** Its export fields and how to tell its non-PUBLIC items, for the kernel's audit log (lib/audit). */
  audit?: AuditDeclarations;
  /** Counters answered as JSON at GET /metrics (behind the subgraph secret). */
  metrics?: () => Record<string, number>;
  /**
   * Background tasks (run as `<name>.<task>`) and their UTC schedules, run by the process's job runner (lib/jobs.ts):
   * each scheduled run happens once across replicas.
   */
  jobs?: JobDefinitions;
}

/** What a subgraph folder exports: its contract, code and loaders (and entities, where it has them). */
export type SubgraphCode<L = unknown> = Omit<SubgraphDefinition<L>, 'migrations'>;

export interface SubgraphRuntime {
  db: DataSource;
  authenticator: Authenticator;
  secret: string;
  log: Logger;
  bodyLimit: number;
  production: boolean;
  /** Run the subgraph's outbox consumers (default true). */
  runConsumers?: boolean;
}

/**
 * The subgraph's executable schema with its shield applied, and the audit around the shield (so it sees its refusals).
 * Both wrap only the fields they act on: the rest resolve as graphql-js resolves them.
 */
export function subgraphSchema<L>(def: SubgraphCode<L>) {
  // Apollo's map type knows no `__resolveReference` signature (and takes any parent): ours is checked above, not by it.
  const schema = buildSubgraphSchema([{ typeDefs: def.typeDefs, resolvers: def.resolvers as GraphQLResolverMap<unknown> }]);
  const shield = buildShield(def.permissions, schema);
  return applyMiddleware(schema, auditMiddleware(def, schema, shield.guarded), shield.middleware);
}

export function subgraphApollo<L>(def: SubgraphCode<L>, production = false, schema = subgraphSchema(def)) {
  return new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // The process that runs the server decides when it stops (one signal handler per process, not one per server).
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskError,
    // Only the gateway calls a subgraph: nothing here is for a browser. No subgraph declares @cacheControl, and a plugin
    // with `willResolveField` (cache control, inline traces) would have Apollo Server wrap every field of the schema.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), auditPlugin(),
    ],
  });
}

/** What a request says about itself for the audit log (forwarded by the gateway). */
export interface RequestFacts {
  justification?: string | null;
  clientAddress?: string | null;
}

/** Builds the per-request context; tests use it with executeOperation. */
export function contextFor<L>(
  def: SubgraphCode<L>, db: DataSource, viewer: Viewer, log: Logger, requestId: string = randomUUID(), facts: RequestFacts = {},
): SubgraphContext<L> {
  const audit = new AuditCollector({
    requestId, subgraph: def.name, viewer, justification: facts.justification ?? null, clientAddress: facts.clientAddress ?? null,
  });
  return { viewer, requestId, log: log.child({ requestId }), db, loaders: def.createLoaders(db, viewer), audit };
}

export interface RunningSubgraph {
  name: string;
  url: string;
  server: Server;
  /** The executable schema it answers with. */
  schema: GraphQLSchema;
  stop(): Promise<void>;
}

/** The host name to print for a listening address. */
export const publicHost = (host: string) => (host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host);

/** Starts a subgraph over HTTP: shared-secret check first, then the viewer from the forwarded token. */
export async function startSubgraph<L>(def: SubgraphCode<L>, rt: SubgraphRuntime, port: number, host = '127.0.0.1'): Promise<RunningSubgraph> {
  const schema = subgraphSchema(def);
  const apollo = subgraphApollo(def, rt.production, schema);
  await apollo.start();
  const log = rt.log.child({ subgraph: def.name });
  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz') {
        await rt.db.query('SELECT 1');
        return sendJson(res, 200, { status: 'ok', subgraph: def.name });
      }
      if (!secretMatches(req.headers[SUBGRAPH_SECRET_HEADER], rt.secret)) {
        return sendError(res, 401, 'UNAUTHENTICATED', 'This service only answers the gateway.');
      }
      if (path === '/metrics' && req.method === 'GET' && def.metrics) return sendJson(res, 200, def.metrics());
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      let viewer: Viewer;
      try {
        viewer = await rt.authenticator.viewerFor(req.headers.authorization);
      } catch (err) {
        return sendError(res, 401, 'UNAUTHENTICATED', (err as Error).message);
      }
      const httpGraphQLRequest = await toGraphQLRequest(req, rt.bodyLimit);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => contextFor(def, rt.db, viewer, log, requestId, auditedHeaders(req.headers)),
      });
      await writeGraphQLResponse(res, response);
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'BAD_REQUEST', 'The request body is too large.');
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
  // Keep idle connections open longer than the gateway's pool does, so it never reuses a socket being closed here.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await listen(server, port, host, `The ${def.name} subgraph`).catch(async (err) => {
    await apollo.stop();
    throw err;
  });
  const actual = (server.address() as AddressInfo).port;
  const consumers = rt.runConsumers === false ? [] : (def.consumers ?? []).map((c) => runConsumer(rt.db, c, log));
  return {
    name: def.name,
    url: `http://${publicHost(host)}:${actual}/graphql`,
    server,
    schema,
    stop: async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
