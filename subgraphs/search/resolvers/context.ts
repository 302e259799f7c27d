import type { SubgraphContext } from '../../../lib/context.ts';
import type { SearchLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<SearchLoaders>;
