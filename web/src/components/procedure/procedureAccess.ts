// Which actions the procedure page offers a member. These mirror the API's rules so nobody is shown a button that
// can only fail; the API still decides every write, and its refusals are shown as sentences.

export interface ActingMember {
  tier: string | null | undefined;
  roles: readonly string[];
  agency: { id: string; orgKind: string };
}

export interface ProcedureState {
  agencyId: string;
  /** Status of the latest version the member sees. */
  status: string;
}

const isLeaManager = (m: ActingMember) => m.agency.orgKind === 'LEA' && m.tier === 'MANAGER';
const ownsIt = (m: ActingMember, p: ProcedureState) => m.agency.id === p.agencyId;

/** Editors and managers of the owning agency work on its drafts (edit, set values, verify). */
export const canEdit = (m: ActingMember | null, p: ProcedureState) =>
  Boolean(m && ownsIt(m, p) && (m.roles.includes('EDITOR') || isLeaManager(m)));

/** Creating a procedure needs the EDITOR role; it belongs to the member's own agency. */
export const canCreate = (m: ActingMember | null) => Boolean(m?.roles.includes('EDITOR'));

/** Publishing puts the latest draft in force: managers of the owning agency. */
export const canPublish = (m: ActingMember | null, p: ProcedureState) =>
  Boolean(m && ownsIt(m, p) && isLeaManager(m) && p.status === 'DRAFT');

/** Withdrawing takes the version in force out of force: managers of the owning agency. */
export const canWithdraw = (m: ActingMember | null, p: ProcedureState & { hasVersionInForce: boolean }) =>
  Boolean(m && ownsIt(m, p) && isLeaManager(m) && p.hasVersionInForce);

export const canVerify = canEdit;
