import type { SubgraphContext } from '../../../lib/context.ts';
import type { ProcedureLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<ProcedureLoaders>;
