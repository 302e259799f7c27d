import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The web console: a static single-page app (web/dist) served at /. Hashed files under /assets/ never change, so
// browsers keep them a year; index.html is revalidated on every load so a new build reaches people at once.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

interface Asset { body: Buffer; gzip: Buffer | null; type: string; cacheControl: string }

/** How the console signs members in, published at /console/config.json. */
export type ConsoleAuth =
  | { auth: 'demo' }
  | { auth: 'oidc'; issuer: string; clientId: string; scope: string }
  | { auth: 'none' };

/**
 * The Content-Security-Policy of the console: no inline or foreign script, nothing from elsewhere but the identity
 * provider. Inline styles are allowed: the accessible component library positions overlays with them.
 * With a provider, silent renewal runs in a hidden frame that starts at the provider and comes back to the console's
 * own /auth/silent: frames may show the provider and this origin, and that one page may be framed by this origin.
 */
export function consolePolicy(auth: ConsoleAuth, opts: { framedBySelf?: boolean } = {}): string {
  const provider = auth.auth === 'oidc' ? ` ${new URL(auth.issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    `frame-src ${provider ? `'self'${provider}` : "'none'"}`,
    `frame-ancestors ${opts.framedBySelf ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "object-src 'none'",
    `form-action 'self'${provider}`,
  ].join('; ');
}

/** Headers every gateway response carries. */
export const BASE_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface ConsoleSite {
  /** Answers a GET for the console (a file, or index.html for an app route); false when the path is not the console's. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): boolean;
}

/** Loads a built console from `dir`; null when none is built there. */
export function consoleSite(dir: string, auth: ConsoleAuth): ConsoleSite | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const assets = new Map<string, Asset>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.startsWith('.')) assets.set(`/${relative(dir, full).split('\\').join('/')}`, load(full));
    }
  };
  const load = (file: string): Asset => {
    const ext = extname(file);
    const body = readFileSync(file);
    const hashed = relative(dir, file).startsWith('assets');
    return {
      body,
      gzip: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
      cacheControl: ext === '.html' ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    };
  };
  walk(dir);
  const index = assets.get('/index.html')!;
  const config = Buffer.from(JSON.stringify(auth));
  const policy = consolePolicy(auth);
  const silentRenewPolicy = auth.auth === 'oidc' ? consolePolicy(auth, { framedBySelf: true }) : null;

  const send = (req: IncomingMessage, res: ServerResponse, asset: Asset, status = 200, framedBySelf = false) => {
    const gz = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      ...BASE_SECURITY_HEADERS,
      ...(framedBySelf && silentRenewPolicy
        ? { 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': silentRenewPolicy }
        : { 'content-security-policy': policy }),
      'content-type': asset.type,
      'cache-control': asset.cacheControl,
      vary: 'accept-encoding',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : gz ? asset.gzip : asset.body);
  };

  return {
    serve(req, res, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (path === '/console/config.json') {
        send(req, res, { body: config, gzip: null, type: TYPES['.json']!, cacheControl: 'no-cache' });
        return true;
      }
      const asset = assets.get(path);
      if (asset && path !== '/index.html') {
        send(req, res, asset);
        return true;
      }
      // A missing hashed file is a 404, not the app: a stale page must not load HTML as a script.
      if (path.startsWith('/assets/') || extname(path)) return false;
      send(req, res, index, 200, path === '/auth/silent');
      return true;
    },
  };
}
