import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { byKey, groupedBy } from '../../lib/loaders.ts';
import { AgencyEntity, JurisdictionEntity, MemberEntity } from './entities.ts';
import type { AgencyRow, JurisdictionRow, MemberRow } from './entities.ts';

export function createLoaders(db: DataSource, _viewer: Viewer) {
  const jurisdictions = db.getRepository(JurisdictionEntity);
  const agencies = db.getRepository(AgencyEntity);
  const members = db.getRepository(MemberEntity);
  return {
    jurisdiction: byKey<string, JurisdictionRow>((codes) => jurisdictions.findBy({ code: In([...codes]) }), (r) => r.code),
    childJurisdictions: groupedBy<string, JurisdictionRow>(
      (codes) => jurisdictions.find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } }),
      (r) => r.parentCode!,
    ),
    agency: byKey<string, AgencyRow>((ids) => agencies.findBy({ id: In([...ids]) }), (r) => r.id),
    agenciesOfJurisdiction: groupedBy<string, AgencyRow>(
      (codes) => agencies.find({ where: { jurisdictionCode: In([...codes]) }, order: { name: 'ASC' } }),
      (r) => r.jurisdictionCode,
    ),
    member: byKey<string, MemberRow>((ids) => members.findBy({ id: In([...ids]) }), (r) => r.id),
    membersOfAgency: groupedBy<string, MemberRow>(
      (ids) => members.find({ where: { agencyId: In([...ids]), active: true }, order: { displayName: 'ASC' } }),
      (r) => r.agencyId,
    ),
  };
}

export type DirectoryLoaders = ReturnType<typeof createLoaders>;
