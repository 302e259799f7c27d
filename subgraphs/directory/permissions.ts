import { allow, hasRole } from '../../lib/shieldRules.ts';

export const permissions = {
  Query: {
    me: allow,
    jurisdictions: allow,
    jurisdiction: allow,
    agencies: allow,
    agency: allow,
    member: allow,
  },
  Mutation: {
    createAgency: hasRole('ADMIN'),
    inviteMember: hasRole('ADMIN'),
    updateMember: hasRole('ADMIN', 'AUDITOR'),
  },
  Jurisdiction: allow,
  Agency: allow,
  Member: allow,
};
