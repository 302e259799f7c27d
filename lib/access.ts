import { forbidden } from './errors.ts';

export const VISIBILITIES = ['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const ORG_KINDS = ['LEA', 'PARTNER', 'ACADEMIA', 'PUBLIC_AUTHORITY'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const TIERS = ['PRACTITIONER', 'MANAGER'] as const;
export type Tier = (typeof TIERS)[number];
export const ROLES = ['EDITOR', 'TRAINER', 'REVIEWER', 'ADMIN', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Anonymous callers are viewers too, with no member id. */
export interface Viewer {
  memberId: string | null;
  agencyId: string | null;
  jurisdiction: string | null;
  /** The viewer's jurisdiction followed by its ancestors, e.g. ES-CT, ES, EU. */
  jurisdictionPath: string[];
  orgKind: OrgKind | null;
  tier: Tier | null;
  roles: Role[];
}

export const ANONYMOUS: Viewer = Object.freeze({
  memberId: null,
  agencyId: null,
  jurisdiction: null,
  jurisdictionPath: [],
  orgKind: null,
  tier: null,
  roles: [],
}) as Viewer;

/** Anything that carries a visibility and optionally a jurisdiction restriction. */
export interface Guarded {
  visibility: Visibility;
  restrictedTo?: readonly string[] | null;
}

export const isMember = (v: Viewer) => v.memberId !== null;
export const isLea = (v: Viewer) => v.memberId !== null && v.orgKind === 'LEA';
export const isManager = (v: Viewer) => isLea(v) && v.tier === 'MANAGER';
export const hasRole = (v: Viewer, ...roles: Role[]) => v.memberId !== null && roles.some((r) => v.roles.includes(r));

/** The visibility levels a viewer may read, lowest first. */
export function visibleLevels(v: Viewer): Visibility[] {
  if (isManager(v)) return ['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'];
  if (isLea(v)) return ['PUBLIC', 'MEMBERS', 'LEA'];
  if (isMember(v)) return ['PUBLIC', 'MEMBERS'];
  return ['PUBLIC'];
}

/** Whether the viewer reaches a tier of visibility (used for items and for stricter fields). */
export function reaches(v: Viewer, visibility: Visibility): boolean {
  return visibleLevels(v).includes(visibility);
}

/** The one rule deciding whether a viewer may see an item, everywhere. */
export function canSee(v: Viewer, item: Guarded): boolean {
  if (!reaches(v, item.visibility)) return false;
  const restricted = item.restrictedTo ?? [];
  if (restricted.length === 0) return true;
  return isLea(v) && restricted.some((code) => v.jurisdictionPath.includes(code));
}

/**
 * The same rule as canSee, as a SQL condition over columns `visibility` (text) and
 * `restricted_to` (text[]) of `alias`. Parameters are appended to `params`.
 */
export function visibilitySql(v: Viewer, alias: string, params: unknown[]): string {
  params.push(visibleLevels(v));
  const levels = `$${params.length}`;
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  if (!isLea(v)) return `(${col('visibility')} = ANY(${levels}) AND cardinality(${col('restricted_to')}) = 0)`;
  params.push(v.jurisdictionPath);
  const path = `$${params.length}`;
  return `(${col('visibility')} = ANY(${levels}) AND (cardinality(${col('restricted_to')}) = 0 OR ${col('restricted_to')} && ${path}::text[]))`;
}

/** Returns the value of a field stricter than its item, or throws FORBIDDEN (the field resolves to null). */
export function fieldAtTier<T>(v: Viewer, tier: Visibility, value: T): T {
  if (!reaches(v, tier)) throw forbidden(`This field is visible to ${tierLabel(tier)} only.`);
  return value;
}

function tierLabel(tier: Visibility): string {
  switch (tier) {
    case 'PUBLIC': return 'everyone';
    case 'MEMBERS': return 'signed-in members';
    case 'LEA': return 'law-enforcement staff';
    case 'MANAGEMENT': return 'law-enforcement managers';
  }
}

/**
 * The same rule as canSee, for a member known by their row of access.principals (alias `principal`) rather than by a
 * request's viewer: over columns `visibility` and `restricted_to` of `item`. An inactive member sees nothing.
 */
export function principalCanSeeSql(principal: string, item: string): string {
  const lea = `${principal}.org_kind = 'LEA'`;
  return `(${principal}.active AND CASE ${item}.visibility
      WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN true
      WHEN 'LEA' THEN ${lea} WHEN 'MANAGEMENT' THEN ${lea} AND ${principal}.tier = 'MANAGER' ELSE false END
    AND (cardinality(${item}.restricted_to) = 0 OR (${lea} AND ${item}.restricted_to && ${principal}.jurisdiction_path)))`;
}
