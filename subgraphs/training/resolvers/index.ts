import { DateScalar } from '../../../lib/scalars.ts';
import { Agency, Assignment, Curriculum, Member, Recommendation } from './Assignment.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers = { Date: DateScalar, Query, Mutation, Curriculum, Assignment, Member, Agency, Recommendation };
