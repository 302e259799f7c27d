import type { KeyMessageResolvers } from './types.generated.ts';
import { workshopOf } from './Workshop.ts';

export const KeyMessage: KeyMessageResolvers = {
  workshop: (k, _, ctx) => workshopOf(k, ctx),
};
