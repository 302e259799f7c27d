import type { DataSource } from 'typeorm';
import { signToken } from '../lib/auth.ts';
import type { KeySetup } from '../lib/auth.ts';
import type { DemoMember, DemoSignIn } from '../gateway/demoSignIn.ts';

const DEMO_TTL_HOURS = 8;

/** The development sign-in page's members (the seeded demo-* members) and tokens for them, signed with the embedded secret. */
export function demoSignIn(directory: DataSource, kernel: DataSource, keys: Extract<KeySetup, { kind: 'secret' }>): DemoSignIn {
  return {
    async members() {
      const rows: { id: string; display_name: string; tier: string | null; roles: string[]; agency_id: string; agency_name: string }[] = await directory.query(
        `SELECT m.id, m.display_name, m.tier, m.roles, a.id AS agency_id, a.name AS agency_name
           FROM directory.members m JOIN directory.agencies a ON a.id = m.agency_id
          WHERE m.active AND m.id LIKE 'demo-%' ORDER BY m.id`,
      );
      return rows.map((r): DemoMember => ({
        id: r.id, displayName: r.display_name, tier: r.tier, roles: r.roles, agency: { id: r.agency_id, name: r.agency_name },
      }));
    },
    async token(memberId) {
      if (!memberId.startsWith('demo-')) return null;
      const [p]: { member_id: string; agency_id: string; tier: string | null; roles: string[] }[] = await kernel.query(
        'SELECT member_id, agency_id, tier, roles FROM access.principals WHERE member_id = $1 AND active', [memberId],
      );
      if (!p) return null;
      const token = await signToken(keys, { sub: p.member_id, agency: p.agency_id, tier: p.tier, roles: p.roles }, `${DEMO_TTL_HOURS}h`);
      return { token, expiresAt: new Date(Date.now() + DEMO_TTL_HOURS * 3_600_000).toISOString() };
    },
  };
}
