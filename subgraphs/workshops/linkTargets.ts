import type { EntityManager } from 'typeorm';
import { visibleIds } from '../../lib/citations.ts';
import type { CitedKind } from '../../lib/citations.ts';
import type { Viewer } from '../../lib/access.ts';

type LinkType = 'PROCEDURE' | 'LEGAL_FRAMEWORK' | 'CURRICULUM';

/** The items a recommendation links to, as their owners publish them. */
const LINKED: Record<LinkType, CitedKind> = {
  PROCEDURE: { schema: 'procedures', type: 'Procedure', field: 'target', noun: 'procedure' },
  LEGAL_FRAMEWORK: { schema: 'legal', type: 'LegalFramework', field: 'target', noun: 'legal framework' },
  CURRICULUM: { schema: 'training', type: 'Curriculum', field: 'target', noun: 'curriculum' },
};

/** Whether the viewer may see a link's target, and so list, add or remove the link; unknown and hidden are alike. */
export async function mayListLink(tx: EntityManager, viewer: Viewer, target: { type: LinkType; id: string }): Promise<boolean> {
  return (await visibleIds(tx, viewer, LINKED[target.type], [target.id])).has(target.id);
}
