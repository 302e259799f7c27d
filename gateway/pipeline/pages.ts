import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../../lib/http.ts';
import { BASE_SECURITY_HEADERS } from '../console.ts';
import type { ConsoleSite } from '../console.ts';
import type { graphiqlPage } from '../graphiql.ts';

export type GraphiqlPage = ReturnType<typeof graphiqlPage>;

/** GET /graphiql: the page, gzipped when the client takes it; null (production) answers 404. */
export function serveGraphiql(req: IncomingMessage, res: ServerResponse, page: GraphiqlPage | null): void {
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
  res.end(gz ? page.gzip : page.html);
}

/** A browser on /graphql: to GraphiQL where there is one, else to the console. */
export function redirectToPage(res: ServerResponse, hasGraphiql: boolean): void {
  res.writeHead(302, { ...BASE_SECURITY_HEADERS, location: hasGraphiql ? '/graphiql' : '/' });
  res.end();
}

/** Any other path: the console's file or app route, or 404. */
export function serveSite(req: IncomingMessage, res: ServerResponse, path: string, site: ConsoleSite | null): void {
  if (site?.serve(req, res, path)) return;
  sendError(res, 404, 'NOT_FOUND', site ? 'Not found.' : 'Not found. The API is at /graphql.');
}
