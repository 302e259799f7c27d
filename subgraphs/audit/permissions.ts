import { allow, hasRole } from '../../lib/shieldRules.ts';

// The audit log is for auditors alone; its entries carry no visibility of their own.
export const permissions = {
  Query: {
    auditLog: hasRole('AUDITOR'),
    auditChain: hasRole('AUDITOR'),
  },
  AuditChainStatus: allow,
  AuditChainHead: allow,
  AuditChainBreak: allow,
  AuditCheckpoint: allow,
  AuditEntry: allow,
  AuditEntryEdge: allow,
  AuditEntryConnection: allow,
  PageInfo: allow,
  Member: allow,
  Agency: allow,
};
