import { hasRole } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';

/** A workshop's outputs are written by its organiser's staff; administrators may write to any workshop. */
export function assertOrganiserStaff(viewer: Viewer, workshop: { organiserId: string }): void {
  if (hasRole(viewer, 'ADMIN') || viewer.agencyId === workshop.organiserId) return;
  throw forbidden('Only staff of the organising agency (or an administrator) may change this workshop\'s outputs.');
}

/** A workshop is organised by the caller's own agency unless an administrator names another. */
export function assertMayOrganise(viewer: Viewer, organiserId: string): void {
  if (hasRole(viewer, 'ADMIN') || viewer.agencyId === organiserId) return;
  throw forbidden('You may create workshops organised by your own agency only.');
}
