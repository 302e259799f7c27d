import { hasRole } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';
import type { MemberRow } from './entities.ts';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const withoutAuditor = (roles: readonly string[]) => roles.filter((r) => r !== 'AUDITOR');

/**
 * Separation of duties on a member change: nobody changes their own roles, tier, agency or activity; the AUDITOR
 * role is granted or withdrawn only by another auditor, and an auditor who is not an administrator changes nothing else.
 */
export function assertMayChangeMember(viewer: Viewer, current: MemberRow, next: MemberRow): void {
  const rolesChanged = !sameSet(current.roles, next.roles);
  if (current.id === viewer.memberId
    && (rolesChanged || current.tier !== next.tier || current.agencyId !== next.agencyId || current.active !== next.active)) {
    throw forbidden('Nobody changes their own roles, tier, agency or activity: ask another administrator.');
  }
  const auditorChanged = current.roles.includes('AUDITOR') !== next.roles.includes('AUDITOR');
  if (auditorChanged && !hasRole(viewer, 'AUDITOR')) throw forbidden('Only another auditor may grant or withdraw the AUDITOR role.');
  if (!hasRole(viewer, 'ADMIN')) {
    const onlyAuditorRole = sameSet(withoutAuditor(current.roles), withoutAuditor(next.roles)) && current.tier === next.tier
      && current.agencyId === next.agencyId && current.active === next.active && current.displayName === next.displayName
      && current.email === next.email;
    if (!onlyAuditorRole) throw forbidden('An auditor may grant or withdraw the AUDITOR role only; other changes are for administrators.');
  }
}

/** A new member starts as an auditor only when an auditor invites them. */
export function assertMayInvite(viewer: Viewer, roles: readonly string[]): void {
  if (roles.includes('AUDITOR') && !hasRole(viewer, 'AUDITOR')) throw forbidden('Only an auditor may grant the AUDITOR role.');
}
