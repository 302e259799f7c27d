import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { upsertPrincipals } from '../lib/principals.ts';
import type { OrgKind, Role, Tier } from '../lib/access.ts';

interface DirectorySeed {
  jurisdictions: { code: string; name: string; nativeName: string | null; level: string; parent: string | null; languages: string[]; euMember: boolean }[];
  agencies: { id: string; name: string; acronym: string | null; kind: string; orgKind: string; jurisdiction: string; parent?: string | null }[];
  members: { id: string; displayName: string; email: string; agency: string; tier: string | null; roles: string[] }[];
}

export const directorySeed: DirectorySeed = JSON.parse(readFileSync(new URL('./data/directory.json', import.meta.url), 'utf8'));

/** The path of a jurisdiction: itself, then its ancestors up to the root. */
export function jurisdictionPaths(seed: DirectorySeed): Map<string, string[]> {
  const parent = new Map(seed.jurisdictions.map((j) => [j.code, j.parent]));
  const paths = new Map<string, string[]>();
  for (const j of seed.jurisdictions) {
    const path: string[] = [];
    for (let c: string | null | undefined = j.code; c; c = parent.get(c)) path.push(c);
    paths.set(j.code, path);
  }
  return paths;
}

export async function seedDirectory(db: DataSource): Promise<void> {
  const seed = directorySeed;
  const paths = jurisdictionPaths(seed);
  const ordered = seed.jurisdictions;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO directory.jurisdictions (code, name, native_name, level, parent_code, path, languages, eu_member)
       SELECT j.code, j.name, j.native_name, j.level, j.parent, j.path, j.languages, j.eu_member
       FROM jsonb_to_recordset($1::jsonb) AS j(code text, name text, native_name text, level text, parent text,
         path text[], languages text[], eu_member boolean)
       ON CONFLICT (code) DO NOTHING`,
      [JSON.stringify(ordered.map((j) => ({ code: j.code, name: j.name, native_name: j.nativeName, level: j.level, parent: j.parent, path: paths.get(j.code), languages: j.languages, eu_member: j.euMember })))],
    );
    await tx.query(
      `INSERT INTO directory.agencies (id, name, acronym, kind, org_kind, jurisdiction_code)
       SELECT a.id, a.name, a.acronym, a.kind, a.org_kind, a.jurisdiction FROM jsonb_to_recordset($1::jsonb)
         AS a(id text, name text, acronym text, kind text, org_kind text, jurisdiction text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seed.agencies.map((a) => ({ id: a.id, name: a.name, acronym: a.acronym, kind: a.kind, org_kind: a.orgKind, jurisdiction: a.jurisdiction })))],
    );
    await tx.query(
      `UPDATE directory.agencies a SET parent_id = p.parent FROM jsonb_to_recordset($1::jsonb) AS p(id text, parent text) WHERE a.id = p.id`,
      [JSON.stringify(seed.agencies.filter((a) => a.parent).map((a) => ({ id: a.id, parent: a.parent })))],
    );
    await tx.query(
      `INSERT INTO directory.members (id, display_name, email, agency_id, tier, roles)
       SELECT m.id, m.display_name, m.email, m.agency_id, m.tier, m.roles FROM jsonb_to_recordset($1::jsonb)
         AS m(id text, display_name text, email text, agency_id text, tier text, roles text[])
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seed.members.map((m) => ({ id: m.id, display_name: m.displayName, email: m.email, agency_id: m.agency, tier: m.tier, roles: m.roles })))],
    );
    const agencyOf = new Map(seed.agencies.map((a) => [a.id, a]));
    const agencyPath = (id: string) => {
      const path: string[] = [];
      for (let a = agencyOf.get(id); a; a = a.parent ? agencyOf.get(a.parent) : undefined) path.push(a.id);
      return path;
    };
    await upsertPrincipals(tx, seed.members.map((m) => {
      const agency = agencyOf.get(m.agency)!;
      return {
        memberId: m.id,
        agencyId: agency.id,
        jurisdiction: agency.jurisdiction,
        jurisdictionPath: paths.get(agency.jurisdiction)!,
        agencyPath: agencyPath(agency.id),
        orgKind: agency.orgKind as OrgKind,
        tier: m.tier as Tier | null,
        roles: m.roles as Role[],
        active: true,
      };
    }));
  });
}
