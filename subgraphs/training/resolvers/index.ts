import { DateScalar } from '../../../lib/scalars.ts';
import { Agency } from './Agency.ts';
import { Assignment } from './Assignment.ts';
import { Curriculum } from './Curriculum.ts';
import { Member } from './Member.ts';
import { Recommendation } from './Recommendation.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Curriculum, Assignment, Member, Agency, Recommendation };
