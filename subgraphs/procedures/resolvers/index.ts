import { DateScalar, JSONScalar } from '../../../lib/scalars.ts';
import { Mutation } from './Mutation.ts';
import { Agency } from './Agency.ts';
import { Dimension } from './Dimension.ts';
import { Jurisdiction } from './Jurisdiction.ts';
import { Procedure } from './Procedure.ts';
import { Query } from './Query.ts';
import { Curriculum } from './Curriculum.ts';
import { Recommendation } from './Recommendation.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = {
  Date: DateScalar, JSON: JSONScalar, Query, Mutation, Procedure, Jurisdiction, Agency, Curriculum, Recommendation,
  Dimension,
};
