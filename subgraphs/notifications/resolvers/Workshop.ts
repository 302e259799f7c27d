import { followable } from '../followable.ts';
import type { WorkshopResolvers } from './types.generated.ts';

export const Workshop: WorkshopResolvers = followable('WORKSHOP');
