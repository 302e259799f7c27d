import { describe, expect, it } from 'vitest';
import { editProblems, lockReason, memberChanges, roleLock } from '../web/src/components/admin/memberEdit.ts';
import type { MemberState } from '../web/src/components/admin/memberEdit.ts';

const admin = { id: 'demo-admin', roles: ['ADMIN'] };
const marta: MemberState = { id: 'm-es-ct-1', tier: 'PRACTITIONER', roles: [], agencyId: 'es-ct-mossos', active: true };

describe('member editing rules', () => {
  it('closes the administrator\'s own record and anyone\'s to a non-administrator', () => {
    expect(lockReason(admin, { id: 'demo-admin' })).toBe('SELF');
    expect(lockReason(admin, marta)).toBeNull();
    expect(lockReason({ id: 'demo-auditor', roles: ['AUDITOR'] }, marta)).toBe('NOT_ADMIN');
  });

  it('leaves the AUDITOR role to auditors', () => {
    expect(roleLock(admin, 'AUDITOR')).toBe('AUDITOR_ONLY');
    expect(roleLock(admin, 'REVIEWER')).toBeNull();
    expect(roleLock({ id: 'x', roles: ['ADMIN', 'AUDITOR'] }, 'AUDITOR')).toBeNull();
  });

  it('wants a tier in a law-enforcement agency and none elsewhere', () => {
    expect(editProblems({ ...marta, tier: null }, 'LEA')).toEqual({ tier: 'REQUIRED' });
    expect(editProblems(marta, 'PARTNER')).toEqual({ tier: 'NOT_LEA' });
    expect(editProblems(marta, 'LEA')).toEqual({});
    expect(editProblems({ ...marta, tier: null }, 'ACADEMIA')).toEqual({});
  });

  it('sends only what changed, roles in the API\'s order', () => {
    expect(memberChanges(marta, marta)).toBeNull();
    expect(memberChanges(marta, { ...marta, tier: 'MANAGER' })).toEqual({ tier: 'MANAGER' });
    expect(memberChanges(marta, { ...marta, roles: ['TRAINER', 'EDITOR'], active: false })).toEqual({ roles: ['EDITOR', 'TRAINER'], active: false });
    expect(memberChanges(marta, { ...marta, agencyId: 'partner-agora', tier: null })).toEqual({ tier: null, agency: 'partner-agora' });
  });
});
