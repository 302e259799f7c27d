import type { EntityManager } from 'typeorm';
import type { OrgKind, Role, Tier } from '../../lib/access.ts';
import { isUniqueViolation } from '../../lib/database.ts';
import { badInput, conflict } from '../../lib/errors.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { upsertPrincipals } from '../../lib/principals.ts';
import type { AgencyRow, MemberRow } from './entities.ts';

type PlacedAgency = AgencyRow & { jurisdictionPath: string[]; agencyPath: string[] };

async function agencyIn(tx: EntityManager, id: string): Promise<PlacedAgency> {
  const rows: { id: string; org_kind: string; jurisdiction_code: string; path: string[]; agency_path: string[] }[] = await tx.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM directory.agencies WHERE id = $1
       UNION ALL SELECT a.id, a.parent_id, up.depth + 1 FROM directory.agencies a JOIN up ON a.id = up.parent_id WHERE up.depth < 10)
     SELECT a.id, a.org_kind, a.jurisdiction_code, j.path, (SELECT array_agg(up.id ORDER BY up.depth) FROM up) AS agency_path
     FROM directory.agencies a JOIN directory.jurisdictions j ON j.code = a.jurisdiction_code WHERE a.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw badInput(`Unknown agency "${id}".`);
  return { id: r.id, orgKind: r.org_kind, jurisdictionCode: r.jurisdiction_code, jurisdictionPath: r.path, agencyPath: r.agency_path } as PlacedAgency;
}

function checkTier(orgKind: string, tier: Tier | null | undefined) {
  if (orgKind === 'LEA' && !tier) throw badInput('tier is required for members of a law-enforcement agency.');
  if (orgKind !== 'LEA' && tier) throw badInput('tier applies only to members of a law-enforcement agency.');
}

export async function writeMember(tx: EntityManager, m: MemberRow, event: string) {
  const agency = await agencyIn(tx, m.agencyId);
  checkTier(agency.orgKind, m.tier as Tier | null);
  await tx.query(
    `INSERT INTO directory.members (id, display_name, email, agency_id, tier, roles, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET display_name = $2, email = $3, agency_id = $4, tier = $5, roles = $6, active = $7, updated_at = now()`,
    [m.id, m.displayName, m.email, m.agencyId, m.tier, m.roles, m.active]);
  await upsertPrincipals(tx, [{
    memberId: m.id,
    agencyId: agency.id,
    jurisdiction: agency.jurisdictionCode,
    jurisdictionPath: agency.jurisdictionPath,
    agencyPath: agency.agencyPath,
    orgKind: agency.orgKind as OrgKind,
    tier: m.tier as Tier | null,
    roles: m.roles as Role[],
    active: m.active,
  }]);
  await emitEvents(tx, 'directory', [{ entityType: 'Member', entityId: m.id, event, payload: { agency: m.agencyId } }]);
}

export const onUnique = (message: string) => (err: unknown) => {
  if (isUniqueViolation(err)) throw conflict(message);
  throw err;
};
