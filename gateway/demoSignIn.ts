import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendError, sendJson } from '../lib/http.ts';
import { BASE_SECURITY_HEADERS } from './console.ts';

/** A member offered on the development sign-in page. */
export interface DemoMember {
  id: string;
  displayName: string;
  agency: { id: string; name: string };
  tier: string | null;
  roles: string[];
}

/** Embedded development mode only: who may be chosen, and a token for them. The composition root provides it. */
export interface DemoSignIn {
  members(): Promise<DemoMember[]>;
  /** A token for an active demo member, or null when there is no such member. */
  token(memberId: string): Promise<{ token: string; expiresAt: string } | null>;
}

export const DEMO_PATHS = new Set(['/auth/demo/members', '/auth/demo/token']);

/** GET /auth/demo/members and POST /auth/demo/token; refused (404) when the platform runs without demo sign-in. */
export async function handleDemoSignIn(req: IncomingMessage, res: ServerResponse, path: string, demo: DemoSignIn | undefined): Promise<void> {
  for (const [k, v] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(k, v);
  res.setHeader('cache-control', 'no-store');
  if (!demo) return sendError(res, 404, 'NOT_FOUND', 'Demo sign-in exists only in embedded development mode.');
  if (path === '/auth/demo/members') {
    if (req.method !== 'GET') return sendError(res, 405, 'BAD_REQUEST', 'Use GET.', { allow: 'GET' });
    return sendJson(res, 200, { members: await demo.members() });
  }
  if (req.method !== 'POST') return sendError(res, 405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
  let member: unknown;
  try {
    member = (JSON.parse(await readBody(req, 2_000)) as { member?: unknown }).member;
  } catch {
    return sendError(res, 400, 'BAD_USER_INPUT', 'Send {"member": "<member id>"} as JSON.');
  }
  if (typeof member !== 'string' || !/^[a-z0-9-]{1,80}$/.test(member)) {
    return sendError(res, 400, 'BAD_USER_INPUT', 'Send {"member": "<member id>"} as JSON.');
  }
  const issued = await demo.token(member);
  if (!issued) return sendError(res, 404, 'NOT_FOUND', `No demo member "${member}".`);
  return sendJson(res, 200, issued);
}
