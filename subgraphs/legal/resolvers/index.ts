import { DateScalar, JSONScalar } from '../../../lib/scalars.ts';
import { optionsOf } from '../../../lib/typedValues.ts';
import { Contribution } from './Contribution.ts';
import { Jurisdiction, LegalFramework } from './LegalFramework.ts';
import { LegalProvision, ProvisionVersion } from './LegalProvision.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Curriculum } from './Curriculum.ts';
import { Procedure } from './Procedure.ts';
import { Recommendation } from './Recommendation.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Date: DateScalar, JSON: JSONScalar, Query, Mutation, Jurisdiction, LegalFramework, LegalProvision, ProvisionVersion, Contribution,
  Procedure, Curriculum, Recommendation, LegalDimension: { options: optionsOf } };
