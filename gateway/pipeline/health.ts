import type { ServerResponse } from 'node:http';
import { sendJson } from '../../lib/http.ts';

/** GET /healthz: the process answers. */
export function answerHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/** GET /readyz: every subgraph answers its own /healthz within two seconds (503 otherwise, naming each). */
export async function answerReadiness(res: ServerResponse, urls: Record<string, string>): Promise<void> {
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
