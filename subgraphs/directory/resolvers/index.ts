import { Agency } from './Agency.ts';
import { Jurisdiction } from './Jurisdiction.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Query, Mutation, Jurisdiction, Agency, Member };
