import { NOTIFIED_ITEM_TYPES } from '../views.ts';
import type { NotifiedItemType } from '../views.ts';
import type { NotifiedItemResolvers } from './types.generated.ts';

const isNotifiedItemType = (t: string | undefined): t is NotifiedItemType => t !== undefined && NOTIFIED_ITEM_TYPES.has(t as NotifiedItemType);

export const NotifiedItem: NotifiedItemResolvers = {
  __resolveType: (item) => (isNotifiedItemType(item.__typename) ? item.__typename : null),
};
