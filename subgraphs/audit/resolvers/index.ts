import { AuditEntry } from './AuditEntry.ts';
import { Query } from './Query.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { AuditEntry, Query };
