import { DateScalar } from '../../../lib/scalars.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';
import { KeyMessage } from './KeyMessage.ts';
import { Recommendation } from './Recommendation.ts';
import { SwotItem } from './SwotItem.ts';
import { Workshop } from './Workshop.ts';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Workshop, SwotItem, KeyMessage, Recommendation };
