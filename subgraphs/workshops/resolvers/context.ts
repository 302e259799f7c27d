import type { SubgraphContext } from '../../../lib/context.ts';
import type { WorkshopLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<WorkshopLoaders>;
