import { hasRole, isLea, isManager } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { sql } from '../../lib/sqlFragments.ts';

/** A member as the access rule sees them: read from the kernel's principals, never from the directory. */
export interface Trainee {
  memberId: string;
  agencyId: string | null;
  jurisdictionPath: readonly string[];
}

/** Trainers of an EU-level body reach everyone; others reach members within their own jurisdiction. */
export function trainerCovers(v: Viewer, jurisdictionPath: readonly string[]): boolean {
  if (!hasRole(v, 'TRAINER') || !isLea(v) || !v.jurisdiction) return false;
  return v.jurisdiction === 'EU' || jurisdictionPath.includes(v.jurisdiction);
}

/** The one rule for who may see a member's assignments: the member, their agency's managers, trainers in scope. */
export function mayFollow(v: Viewer, t: Trainee): boolean {
  if (!v.memberId) return false;
  if (t.memberId === v.memberId) return true;
  if (isManager(v) && t.agencyId === v.agencyId) return true;
  return trainerCovers(v, t.jurisdictionPath);
}

/**
 * mayFollow as a SQL condition over `a.member_id` and the assignee's principal `pr` (agency_id,
 * jurisdiction_path). Parameters are appended to `params`.
 */
export function followedSql(v: Viewer, params: unknown[]): string {
  if (!v.memberId) return 'false';
  const either = sqlConditions(params);
  either.add(sql`a.member_id = ${v.memberId}`);
  if (isManager(v)) either.add(sql`pr.agency_id = ${v.agencyId}`);
  if (hasRole(v, 'TRAINER') && isLea(v) && v.jurisdiction) {
    if (v.jurisdiction === 'EU') either.list.push('true');
    else either.add(sql`${v.jurisdiction} = ANY(pr.jurisdiction_path)`);
  }
  return `(${either.list.join(' OR ')})`;
}
