import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Viewer } from '../lib/access.ts';
import { CLIENT_ADDRESS_HEADER, JUSTIFICATION_HEADER } from '../lib/audit/headers.ts';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { graphql } from './graphql.ts';

export interface GatewayContext {
  viewer: Viewer;
  authorization: string | null;
  requestId: string;
  justification: string | null;
  /** The client's address, forwarded to the subgraphs for the audit log. */
  clientAddress: string;
  /** Aborted when the operation runs out of time: no further subgraph request is sent. */
  signal: AbortSignal;
}

export class OperationTimedOut extends Error {}

/** The subgraph errors a client may read as they are; anything else becomes an internal error. */
const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/** A subgraph as the gateway calls it: with the shared secret and the request's identity, address and justification. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private secret: string, fetcher: RemoteGraphQLDataSource['fetcher'] | null) {
    super(fetcher ? { url, fetcher } : { url });
  }

  /**
   * A subgraph answering with an HTTP error: keep its coded client error (a value only the subgraph checks, such
   * as a date) and drop the rest, which would otherwise carry the subgraph's URL and raw body to the client.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = await this.parseBody(response).catch(() => null);
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors?.[0];
    const code = String(first?.extensions?.code ?? '');
    if (response.status === 400 && CLIENT_ERROR_CODES.has(code) && typeof first?.message === 'string') {
      return new graphql.GraphQLError(first.message, { extensions: { code } });
    }
    if (response.status === 401) return new graphql.GraphQLError('The access token is invalid or expired.', { extensions: { code: 'UNAUTHENTICATED' } });
    return new graphql.GraphQLError(`The subgraph answered HTTP ${response.status}.`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    if ('requestId' in context && context.requestId) headers.set('x-request-id', context.requestId);
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
    if ('justification' in context && context.justification) headers.set(JUSTIFICATION_HEADER, context.justification);
    // Always the gateway's own finding, never a value the client sent.
    if ('clientAddress' in context && context.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    if ('signal' in context && context.signal?.aborted) throw new OperationTimedOut('The operation ran out of time.');
  }
}
