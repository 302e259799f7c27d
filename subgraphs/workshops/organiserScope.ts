import { hasRole } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';

/**
 * Who may write a workshop's outputs, as the locked-write spec of every workshop output takes it: its organiser's
 * staff, and administrators for any workshop.
 */
export const organiserScope = {
  mayChange: (viewer: Viewer, workshop: { organiserId: string }) => hasRole(viewer, 'ADMIN') || viewer.agencyId === workshop.organiserId,
  refusal: 'Only staff of the organising agency (or an administrator) may change this workshop\'s outputs.',
};

/** A workshop is organised by the caller's own agency unless an administrator names another. */
export function assertMayOrganise(viewer: Viewer, organiserId: string): void {
  if (hasRole(viewer, 'ADMIN') || viewer.agencyId === organiserId) return;
  throw forbidden('You may create workshops organised by your own agency only.');
}
