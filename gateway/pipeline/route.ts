import type { IncomingMessage } from 'node:http';
import { DEMO_PATHS } from '../demoSignIn.ts';

/** Where a request goes: `api` is GraphQL at /graphql; `site` is the console's files, or 404 without a console. */
export type RouteKind = 'health' | 'readiness' | 'demoSignIn' | 'graphiql' | 'toPage' | 'site' | 'api';

export interface Route {
  kind: RouteKind;
  /** The request's path, without its query string. */
  path: string;
}

/** Decides from the method, URL and Accept header alone; reads no body. */
export function routeOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Route {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = (kind: RouteKind): Route => ({ kind, path });
  if (path === '/healthz') return route('health');
  if (path === '/readyz') return route('readiness');
  if (DEMO_PATHS.has(path)) return route('demoSignIn');
  if (path === '/graphiql' && req.method === 'GET') return route('graphiql');
  // A person who opens the API's address in a browser is sent to something made for people.
  if (path === '/graphql' && req.method === 'GET' && wantsHtml(req) && !new URLSearchParams((req.url ?? '').split('?')[1] ?? '').has('query')) {
    return route('toPage');
  }
  return route(path === '/graphql' ? 'api' : 'site');
}

/** True when the client asks for a page (a browser's address bar), not for JSON. */
function wantsHtml(req: Pick<IncomingMessage, 'headers'>): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html');
}
