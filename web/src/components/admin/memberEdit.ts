// The administrator's member form: what may be changed (the API's separation-of-duties rules, shown before
// anyone presses a button), what is wrong before sending, and the smallest change to send.

export const ROLES = ['EDITOR', 'TRAINER', 'REVIEWER', 'ADMIN', 'AUDITOR'] as const;
export type RoleName = (typeof ROLES)[number];
export type TierName = 'PRACTITIONER' | 'MANAGER';

export interface MemberState {
  id: string;
  tier: TierName | null;
  roles: readonly RoleName[];
  agencyId: string;
  active: boolean;
}

export interface EditViewer {
  id: string;
  roles: readonly string[];
}

/** Why a member's record is closed to this viewer altogether, or null when it is open. */
export function lockReason(viewer: EditViewer, member: Pick<MemberState, 'id'>): 'SELF' | 'NOT_ADMIN' | null {
  if (viewer.id === member.id) return 'SELF';
  if (!viewer.roles.includes('ADMIN')) return 'NOT_ADMIN';
  return null;
}

/** Why one role may not be granted or withdrawn by this viewer, or null. */
export function roleLock(viewer: EditViewer, role: RoleName): 'AUDITOR_ONLY' | null {
  return role === 'AUDITOR' && !viewer.roles.includes('AUDITOR') ? 'AUDITOR_ONLY' : null;
}

/** A tier is required in a law-enforcement agency and has no meaning elsewhere. */
export function editProblems(draft: MemberState, agencyOrgKind: string | null): { tier?: 'REQUIRED' | 'NOT_LEA' } {
  if (agencyOrgKind === 'LEA' && !draft.tier) return { tier: 'REQUIRED' };
  if (agencyOrgKind !== null && agencyOrgKind !== 'LEA' && draft.tier) return { tier: 'NOT_LEA' };
  return {};
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

/** Only what changed (the API then checks exactly that); null when nothing did. */
export function memberChanges(current: MemberState, draft: MemberState): {
  tier?: TierName | null; roles?: RoleName[]; agency?: string; active?: boolean;
} | null {
  const out: { tier?: TierName | null; roles?: RoleName[]; agency?: string; active?: boolean } = {};
  if (draft.tier !== current.tier) out.tier = draft.tier;
  if (!sameRoles(draft.roles, current.roles)) out.roles = ROLES.filter((r) => draft.roles.includes(r));
  if (draft.agencyId !== current.agencyId) out.agency = draft.agencyId;
  if (draft.active !== current.active) out.active = draft.active;
  return Object.keys(out).length ? out : null;
}
