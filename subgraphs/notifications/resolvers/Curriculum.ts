import { followable } from '../followable.ts';
import type { CurriculumResolvers } from './types.generated.ts';

export const Curriculum: CurriculumResolvers = followable('CURRICULUM');
