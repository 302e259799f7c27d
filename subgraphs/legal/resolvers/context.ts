import type { SubgraphContext } from '../../../lib/context.ts';
import type { LegalLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<LegalLoaders>;
