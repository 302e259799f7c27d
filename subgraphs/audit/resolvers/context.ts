import type { SubgraphContext } from '../../../lib/context.ts';
import type { AuditLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<AuditLoaders>;
