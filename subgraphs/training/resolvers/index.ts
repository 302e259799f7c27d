import { DateScalar } from '../../../lib/scalars.ts';
import { Agency, Assignment, Curriculum, Member, Recommendation } from './Assignment.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Curriculum, Assignment, Member, Agency, Recommendation };
