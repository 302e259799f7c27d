import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';

export class BodyTooLarge extends Error {}

/** Reads a request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** True for `application/json`, with or without parameters (charset). */
export function isJsonContentType(value: string | string[] | undefined): boolean {
  const type = (Array.isArray(value) ? value[0] : value)?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** Converts a Node request into Apollo's transport-neutral request. */
export async function toGraphQLRequest(req: IncomingMessage, limit: number): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const raw = req.method === 'POST' ? await readBody(req, limit) : '';
  let body: unknown = raw;
  if (raw && isJsonContentType(headers.get('content-type'))) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw; // Apollo answers 400 for a body it cannot read
    }
  }
  return { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
}

export async function writeGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse, extraHeaders: Record<string, string> = {}) {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(extraHeaders)) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Answers with a GraphQL-shaped JSON error. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Listens on host:port; a port already taken is an error naming it, not a crash. */
export async function listen(server: Server, port: number, host: string, what: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const refused = (err: NodeJS.ErrnoException) => {
      fail(err.code === 'EADDRINUSE'
        ? new Error(`${what} cannot listen on ${host}:${port}: the port is in use. Stop what uses it or choose other ports (PORT; subgraphs take the ports after it).`)
        : err);
    };
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
      ok();
    });
  });
}

export type { ApolloServer, BaseContext };
