import { Agency } from './Agency.ts';
import { Jurisdiction } from './Jurisdiction.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Mutation, Jurisdiction, Agency, Member };
