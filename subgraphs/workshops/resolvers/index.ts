import { DateScalar } from '../../../lib/scalars.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { KeyMessage, Recommendation, SwotItem, Workshop } from './Workshop.ts';

export const resolvers = { Date: DateScalar, Query, Mutation, Workshop, SwotItem, KeyMessage, Recommendation };
