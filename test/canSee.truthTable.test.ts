import { describe, expect, it } from 'vitest';
import { ANONYMOUS, VISIBILITIES, canSee } from '../lib/access.ts';
import type { OrgKind, Role, Tier, Viewer, Visibility } from '../lib/access.ts';
import { procedureVisible } from '../subgraphs/procedures/views.ts';

// canSee answered by hand from DESIGN.md section 3, one literal answer per cell. The access matrix takes its expected
// answers from canSee itself, so it proves agreement; this table is what proves the rule.

const member = (agencyId: string, orgKind: OrgKind, tier: Tier | null, path: string[], roles: Role[] = []): Viewer => ({
  memberId: `m-${agencyId}`, agencyId, jurisdiction: path[0]!, jurisdictionPath: path, orgKind, tier, roles,
});

const VIEWERS = {
  anonymous: ANONYMOUS,
  partnerInCatalonia: member('partner-ct', 'PARTNER', null, ['ES-CT', 'ES', 'EU']),
  academiaInSpain: member('academia-es', 'ACADEMIA', null, ['ES', 'EU']),
  publicAuthorityInSpain: member('ministry-es', 'PUBLIC_AUTHORITY', null, ['ES', 'EU']),
  practitionerCatalonia: member('es-ct-mossos', 'LEA', 'PRACTITIONER', ['ES-CT', 'ES', 'EU']),
  managerCatalonia: member('es-ct-mossos', 'LEA', 'MANAGER', ['ES-CT', 'ES', 'EU']),
  practitionerBarcelona: member('es-ct-bcn-gub', 'LEA', 'PRACTITIONER', ['ES-CT-BCN', 'ES-CT', 'ES', 'EU']),
  managerSpain: member('es-cnp', 'LEA', 'MANAGER', ['ES', 'EU']),
  practitionerBavaria: member('de-by-polizei', 'LEA', 'PRACTITIONER', ['DE-BY', 'DE', 'EU']),
  managerGermany: member('de-bka', 'LEA', 'MANAGER', ['DE', 'EU']),
  practitionerNorthernIreland: member('gb-nir-psni', 'LEA', 'PRACTITIONER', ['GB-NIR', 'GB']),
  europolPractitioner: member('eu-europol', 'LEA', 'PRACTITIONER', ['EU']),
  cepolManager: member('eu-cepol', 'LEA', 'MANAGER', ['EU']),
  admin: member('eu-platform-office', 'PUBLIC_AUTHORITY', null, ['EU'], ['ADMIN']),
  auditor: member('eu-platform-office', 'PUBLIC_AUTHORITY', null, ['EU'], ['AUDITOR']),
} satisfies Record<string, Viewer>;

const RESTRICTIONS: readonly (readonly string[])[] = [[], ['ES'], ['ES-CT'], ['DE'], ['DE', 'ES-CT'], ['EU']];

const Y = true;
const N = false;

// Columns follow RESTRICTIONS.
const EXPECTED: Record<keyof typeof VIEWERS, Record<Visibility, boolean[]>> = {
  //                         none [ES] [ES-CT] [DE] [DE,ES-CT] [EU]
  anonymous: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [N,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  partnerInCatalonia: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  academiaInSpain: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  publicAuthorityInSpain: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  practitionerCatalonia: {
    PUBLIC:                  [Y,   Y,   Y,      N,   Y,         Y],
    MEMBERS:                 [Y,   Y,   Y,      N,   Y,         Y],
    LEA:                     [Y,   Y,   Y,      N,   Y,         Y],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  managerCatalonia: {
    PUBLIC:                  [Y,   Y,   Y,      N,   Y,         Y],
    MEMBERS:                 [Y,   Y,   Y,      N,   Y,         Y],
    LEA:                     [Y,   Y,   Y,      N,   Y,         Y],
    MANAGEMENT:              [Y,   Y,   Y,      N,   Y,         Y],
  },
  // A city under ES-CT: reaches what is restricted to ES-CT and to ES.
  practitionerBarcelona: {
    PUBLIC:                  [Y,   Y,   Y,      N,   Y,         Y],
    MEMBERS:                 [Y,   Y,   Y,      N,   Y,         Y],
    LEA:                     [Y,   Y,   Y,      N,   Y,         Y],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  // National staff are not staff of a region: ES-CT stays closed to them.
  managerSpain: {
    PUBLIC:                  [Y,   Y,   N,      N,   N,         Y],
    MEMBERS:                 [Y,   Y,   N,      N,   N,         Y],
    LEA:                     [Y,   Y,   N,      N,   N,         Y],
    MANAGEMENT:              [Y,   Y,   N,      N,   N,         Y],
  },
  practitionerBavaria: {
    PUBLIC:                  [Y,   N,   N,      Y,   Y,         Y],
    MEMBERS:                 [Y,   N,   N,      Y,   Y,         Y],
    LEA:                     [Y,   N,   N,      Y,   Y,         Y],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  managerGermany: {
    PUBLIC:                  [Y,   N,   N,      Y,   Y,         Y],
    MEMBERS:                 [Y,   N,   N,      Y,   Y,         Y],
    LEA:                     [Y,   N,   N,      Y,   Y,         Y],
    MANAGEMENT:              [Y,   N,   N,      Y,   Y,         Y],
  },
  // GB is not under EU.
  practitionerNorthernIreland: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [Y,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  // EU-level agencies are staff of EU only, not of each member state.
  europolPractitioner: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         Y],
    MEMBERS:                 [Y,   N,   N,      N,   N,         Y],
    LEA:                     [Y,   N,   N,      N,   N,         Y],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  cepolManager: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         Y],
    MEMBERS:                 [Y,   N,   N,      N,   N,         Y],
    LEA:                     [Y,   N,   N,      N,   N,         Y],
    MANAGEMENT:              [Y,   N,   N,      N,   N,         Y],
  },
  // Roles open no tier.
  admin: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
  auditor: {
    PUBLIC:                  [Y,   N,   N,      N,   N,         N],
    MEMBERS:                 [Y,   N,   N,      N,   N,         N],
    LEA:                     [N,   N,   N,      N,   N,         N],
    MANAGEMENT:              [N,   N,   N,      N,   N,         N],
  },
};

describe('canSee, cell by cell', () => {
  it.each(Object.keys(VIEWERS) as (keyof typeof VIEWERS)[])('%s', (name) => {
    const answers = Object.fromEntries(VISIBILITIES.map((visibility) =>
      [visibility, RESTRICTIONS.map((restrictedTo) => canSee(VIEWERS[name], { visibility, restrictedTo }))]));
    expect(answers).toEqual(EXPECTED[name]);
  });

  it('reads a missing or null restriction as none', () => {
    expect(canSee(VIEWERS.anonymous, { visibility: 'PUBLIC' })).toBe(true);
    expect(canSee(VIEWERS.anonymous, { visibility: 'PUBLIC', restrictedTo: null })).toBe(true);
  });
});

describe('procedure drafts: canSee, and only for the owning agency\'s editors and managers', () => {
  const OWNER = 'es-ct-mossos';
  const DRAFT_VIEWERS = {
    anonymous: ANONYMOUS,
    practitionerOfOwner: member(OWNER, 'LEA', 'PRACTITIONER', ['ES-CT', 'ES', 'EU']),
    editorOfOwner: member(OWNER, 'LEA', 'PRACTITIONER', ['ES-CT', 'ES', 'EU'], ['EDITOR']),
    managerOfOwner: member(OWNER, 'LEA', 'MANAGER', ['ES-CT', 'ES', 'EU']),
    managerOfAnotherAgency: member('es-ct-bcn-gub', 'LEA', 'MANAGER', ['ES-CT-BCN', 'ES-CT', 'ES', 'EU']),
    editorOfAnotherAgency: member('es-cnp', 'LEA', 'PRACTITIONER', ['ES', 'EU'], ['EDITOR']),
    admin: VIEWERS.admin,
  } satisfies Record<string, Viewer>;

  const CASES: { status: string; visibility: Visibility; restrictedTo: string[] }[] = [
    { status: 'DRAFT', visibility: 'PUBLIC', restrictedTo: [] },
    { status: 'DRAFT', visibility: 'LEA', restrictedTo: [] },
    { status: 'DRAFT', visibility: 'MANAGEMENT', restrictedTo: [] },
    { status: 'DRAFT', visibility: 'LEA', restrictedTo: ['ES-CT'] },
    { status: 'IN_FORCE', visibility: 'PUBLIC', restrictedTo: [] },
    { status: 'IN_FORCE', visibility: 'LEA', restrictedTo: [] },
  ];

  // Columns follow CASES.
  const DRAFT_EXPECTED: Record<keyof typeof DRAFT_VIEWERS, boolean[]> = {
    //                      draft: PUBLIC LEA MANAGEMENT LEA[ES-CT]   in force: PUBLIC LEA
    anonymous:              [N, N, N, N, Y, N],
    practitionerOfOwner:    [N, N, N, N, Y, Y],
    editorOfOwner:          [Y, Y, N, Y, Y, Y],
    managerOfOwner:         [Y, Y, Y, Y, Y, Y],
    managerOfAnotherAgency: [N, N, N, N, Y, Y],
    editorOfAnotherAgency:  [N, N, N, N, Y, Y],
    admin:                  [N, N, N, N, Y, N],
  };

  it.each(Object.keys(DRAFT_VIEWERS) as (keyof typeof DRAFT_VIEWERS)[])('%s', (name) => {
    expect(CASES.map((c) => procedureVisible(DRAFT_VIEWERS[name], { ...c, agencyId: OWNER }))).toEqual(DRAFT_EXPECTED[name]);
  });
});
