import type { Session } from './session.ts';

/** A seeded member offered on the development sign-in page. */
export interface DemoMember {
  id: string;
  displayName: string;
  agency: { id: string; name: string };
  tier: string | null;
  roles: string[];
}

export async function demoMembers(): Promise<DemoMember[]> {
  const r = await fetch('/auth/demo/members', { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return ((await r.json()) as { members: DemoMember[] }).members;
}

export async function demoToken(memberId: string): Promise<Session> {
  const r = await fetch('/auth/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ member: memberId }),
  });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  const { token, expiresAt } = (await r.json()) as { token: string; expiresAt: string };
  return { token, expiresAt: Date.parse(expiresAt), mode: 'demo' };
}
