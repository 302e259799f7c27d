import type { SubgraphContext } from '../../../lib/context.ts';
import type { NotificationLoaders } from '../loaders.ts';

export type Ctx = SubgraphContext<NotificationLoaders>;
