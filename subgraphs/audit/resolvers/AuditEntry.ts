import type { AuditEntryResolvers } from './types.generated.ts';

export const AuditEntry: AuditEntryResolvers = {
  member: (e) => (e.memberId ? { id: e.memberId } : null),
  agency: (e) => (e.agencyId ? { id: e.agencyId } : null),
};
