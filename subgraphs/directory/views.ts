import { canSee, hasRole } from '../../lib/access.ts';
import type { OrgKind, Viewer } from '../../lib/access.ts';
import type { MemberRow } from './entities.ts';

// Members are personal data: visible to signed-in members; inactive ones to admins only.
export const memberVisible = (v: Viewer, m: MemberRow) => canSee(v, { visibility: 'MEMBERS' }) && (m.active || hasRole(v, 'ADMIN'));

const ORG_OF_KIND: Record<string, OrgKind> = {
  PLATFORM_PARTNER: 'PARTNER',
  ACADEMIA: 'ACADEMIA',
  PUBLIC_AUTHORITY: 'PUBLIC_AUTHORITY',
};
export const orgKindFor = (kind: string): OrgKind => ORG_OF_KIND[kind] ?? 'LEA';
