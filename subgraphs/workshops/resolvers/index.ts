import { DateScalar } from '../../../lib/scalars.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';
import { KeyMessage, Recommendation, SwotItem, Workshop } from './Workshop.ts';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Workshop, SwotItem, KeyMessage, Recommendation };
