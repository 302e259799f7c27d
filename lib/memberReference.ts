import { isMember } from './access.ts';
import type { Viewer } from './access.ts';

/** A reference to a member, for signed-in members only: who wrote or decided what is not shown to anonymous callers. */
export const memberReference = (viewer: Viewer, id: string | null | undefined): { id: string } | null =>
  (id && isMember(viewer) ? { id } : null);
