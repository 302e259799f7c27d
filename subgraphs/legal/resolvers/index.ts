import { DateScalar, JSONScalar } from '../../../lib/scalars.ts';
import { Contribution } from './Contribution.ts';
import { Jurisdiction } from './Jurisdiction.ts';
import { LegalDimension } from './LegalDimension.ts';
import { LegalFramework } from './LegalFramework.ts';
import { LegalProvision } from './LegalProvision.ts';
import { ProvisionVersion } from './ProvisionVersion.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Curriculum } from './Curriculum.ts';
import { Procedure } from './Procedure.ts';
import { Recommendation } from './Recommendation.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Date: DateScalar, JSON: JSONScalar, Query, Mutation, Jurisdiction, LegalFramework, LegalProvision, ProvisionVersion, Contribution,
  Procedure, Curriculum, Recommendation, LegalDimension };
