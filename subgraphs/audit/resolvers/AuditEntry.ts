import type { AuditEntryView } from '../views.ts';

export const AuditEntry = {
  member: (e: AuditEntryView) => (e.memberId ? { id: e.memberId } : null),
  agency: (e: AuditEntryView) => (e.agencyId ? { id: e.agencyId } : null),
};
