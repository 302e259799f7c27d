import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPGraphQLRequest } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { toGraphQLRequest } from '../../lib/http.ts';

export interface Operation {
  request: HTTPGraphQLRequest;
  /** The operation's text: `query` of a JSON body or of the query string (GET); anything else when the client sent it. */
  text: unknown;
}

/**
 * Reads the request (refusing a body over `bodyLimit` bytes: BodyTooLarge) and checks the operation's shape
 * before Apollo sees it. A refused operation is answered 400 with the refusals as its only errors; then the step
 * returns null.
 */
export function operationLimitsStep(bodyLimit: number, precheck: (text: unknown) => GraphQLFormattedError[]) {
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<Operation | null> => {
    const request = await toGraphQLRequest(req, bodyLimit);
    const text = operationText(request);
    const refusals = precheck(text);
    if (!refusals.length) return { request, text };
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
    res.end(JSON.stringify({ errors: refusals }));
    return null;
  };
}

function operationText(request: { method: string; body: unknown; search: string }): unknown {
  if (request.method === 'GET') return new URLSearchParams(request.search).get('query');
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
}
