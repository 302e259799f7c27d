import type { DataSource, EntityManager } from 'typeorm';
import type { OrgKind, Role, Tier, Viewer } from './access.ts';

/** The kernel's record of who may sign in: written by whoever owns members, read by every authenticator. */
export interface Principal {
  memberId: string;
  agencyId: string;
  jurisdiction: string;
  jurisdictionPath: string[];
  /** The agency followed by the agencies it is part of; just the agency when it is part of none. */
  agencyPath?: string[];
  orgKind: OrgKind;
  tier: Tier | null;
  roles: Role[];
  active: boolean;
}

/** A row of access.principals as the driver returns it. */
export interface PrincipalRow {
  member_id: string;
  agency_id: string;
  jurisdiction: string;
  jurisdiction_path: string[];
  agency_path?: string[];
  org_kind: OrgKind;
  tier: Tier | null;
  roles: Role[];
  active: boolean;
}

export const toPrincipal = (r: PrincipalRow): Principal => ({
  memberId: r.member_id,
  agencyId: r.agency_id,
  jurisdiction: r.jurisdiction,
  jurisdictionPath: r.jurisdiction_path,
  agencyPath: r.agency_path,
  orgKind: r.org_kind,
  tier: r.tier,
  roles: r.roles,
  active: r.active,
});

/** Inserts or replaces principals inside the caller's transaction (one statement). */
export async function upsertPrincipals(manager: EntityManager, principals: Principal[]): Promise<void> {
  if (principals.length === 0) return;
  await manager.query(
    `INSERT INTO access.principals (member_id, agency_id, jurisdiction, jurisdiction_path, org_kind, tier, roles, active, agency_path, updated_at)
     SELECT * , now() FROM jsonb_to_recordset($1::jsonb) AS p(member_id text, agency_id text, jurisdiction text,
       jurisdiction_path text[], org_kind text, tier text, roles text[], active boolean, agency_path text[])
     ON CONFLICT (member_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, jurisdiction = EXCLUDED.jurisdiction,
       jurisdiction_path = EXCLUDED.jurisdiction_path, org_kind = EXCLUDED.org_kind, tier = EXCLUDED.tier,
       roles = EXCLUDED.roles, active = EXCLUDED.active, agency_path = EXCLUDED.agency_path, updated_at = now()`,
    [JSON.stringify(principals.map((p) => ({
      member_id: p.memberId, agency_id: p.agencyId, jurisdiction: p.jurisdiction, jurisdiction_path: p.jurisdictionPath,
      org_kind: p.orgKind, tier: p.tier, roles: p.roles, active: p.active, agency_path: p.agencyPath ?? [p.agencyId],
    })))],
  );
}

/** Looks principals up by member id, with a short cache so a request costs at most one statement. */
export class PrincipalStore {
  private cache = new Map<string, { at: number; value: Principal | null }>();
  constructor(private db: DataSource, private ttlMs = 5_000) {}

  async find(memberId: string): Promise<Principal | null> {
    const hit = this.cache.get(memberId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const rows: PrincipalRow[] = await this.db.query('SELECT * FROM access.principals WHERE member_id = $1', [memberId]);
    const value = rows[0] ? toPrincipal(rows[0]) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(memberId, { at: Date.now(), value });
    return value;
  }

  forget(memberId?: string) {
    if (memberId) this.cache.delete(memberId);
    else this.cache.clear();
  }
}

/** The viewer a principal signs in as. */
export function viewerOfPrincipal(p: Pick<Principal, 'memberId' | 'agencyId' | 'jurisdiction' | 'jurisdictionPath' | 'orgKind' | 'tier' | 'roles'>): Viewer {
  return {
    memberId: p.memberId,
    agencyId: p.agencyId,
    jurisdiction: p.jurisdiction,
    jurisdictionPath: p.jurisdictionPath,
    orgKind: p.orgKind,
    tier: p.tier,
    roles: p.roles,
  };
}
