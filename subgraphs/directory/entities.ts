import { EntitySchema } from 'typeorm';

export interface JurisdictionRow {
  code: string;
  name: string;
  nativeName: string | null;
  level: string;
  parentCode: string | null;
  path: string[];
  languages: string[];
  euMember: boolean;
}

export interface AgencyRow {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  orgKind: string;
  jurisdictionCode: string;
  createdAt: Date;
}

export interface MemberRow {
  id: string;
  displayName: string;
  email: string;
  agencyId: string;
  tier: string | null;
  roles: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const JurisdictionEntity = new EntitySchema<JurisdictionRow>({
  name: 'Jurisdiction',
  tableName: 'jurisdictions',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    nativeName: { type: 'text', name: 'native_name', nullable: true },
    level: { type: 'text' },
    parentCode: { type: 'text', name: 'parent_code', nullable: true },
    path: { type: 'text', array: true },
    languages: { type: 'text', array: true },
    euMember: { type: 'boolean', name: 'eu_member' },
  },
});

export const AgencyEntity = new EntitySchema<AgencyRow>({
  name: 'Agency',
  tableName: 'agencies',
  columns: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    acronym: { type: 'text', nullable: true },
    kind: { type: 'text' },
    orgKind: { type: 'text', name: 'org_kind' },
    jurisdictionCode: { type: 'text', name: 'jurisdiction_code' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const MemberEntity = new EntitySchema<MemberRow>({
  name: 'Member',
  tableName: 'members',
  columns: {
    id: { type: 'text', primary: true },
    displayName: { type: 'text', name: 'display_name' },
    email: { type: 'text' },
    agencyId: { type: 'text', name: 'agency_id' },
    tier: { type: 'text', nullable: true },
    roles: { type: 'text', array: true },
    active: { type: 'boolean' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export const directoryEntities = [JurisdictionEntity, AgencyEntity, MemberEntity];
