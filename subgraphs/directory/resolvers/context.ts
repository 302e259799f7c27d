import type { SubgraphContext } from '../../../lib/context.ts';
import type { DirectoryLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<DirectoryLoaders>;
