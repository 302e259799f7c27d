import { AuditEntry } from './AuditEntry.ts';
import { Query } from './Query.ts';

export const resolvers = { AuditEntry, Query };
