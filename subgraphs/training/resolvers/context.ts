import type { SubgraphContext } from '../../../lib/context.ts';
import type { TrainingLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<TrainingLoaders>;
