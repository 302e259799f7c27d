import { randomInt } from 'node:crypto';
import type { Guarded, Visibility } from '../../lib/access.ts';
import type { GraphQLResponse, TestPlatform } from './platform.ts';

// Fixtures of the access matrix (test/accessMatrix.test.ts): one item per visibility and entity type, each created
// through the gateway by a member allowed to, with a unique word in its text so that searches and filters pick out
// only these items.

/** The visibilities every entity type is tried at; the last one is LEA staff of Catalonia (and below) only. */
export interface Variant extends Guarded {
  key: string;
  visibility: Visibility;
  restrictedTo: string[];
}

export const VARIANTS: readonly Variant[] = [
  { key: 'PUBLIC', visibility: 'PUBLIC', restrictedTo: [] },
  { key: 'MEMBERS', visibility: 'MEMBERS', restrictedTo: [] },
  { key: 'LEA', visibility: 'LEA', restrictedTo: [] },
  { key: 'MANAGEMENT', visibility: 'MANAGEMENT', restrictedTo: [] },
  { key: 'LEA@ES-CT', visibility: 'LEA', restrictedTo: ['ES-CT'] },
];

/** The viewer kinds of the matrix and the seeded member each one signs in as (null: no token). */
export const VIEWER_KINDS = [
  { kind: 'anonymous', member: null },
  { kind: 'partner', member: 'demo-partner' },
  { kind: 'practitioner ES-CT', member: 'demo-practitioner-es' },
  { kind: 'practitioner DE-BY', member: 'demo-practitioner-de' },
  { kind: 'manager ES-CT', member: 'demo-manager-es' },
] as const satisfies readonly { kind: string; member: string | null }[];

export type ViewerKind = (typeof VIEWER_KINDS)[number];

/** One created item: its id, its guard, the unique word in its text, and the item it hangs off where it has one. */
export interface Fixture {
  id: string;
  variant: Variant;
  /** In the item's text (a member has none of its own: the word is then found nowhere). */
  word: string;
  parent: string | null;
}

/** Items every viewer may see that hold references to the fixtures (for the nested and link paths). */
export interface Holders {
  /** A PUBLIC EU directive: holds the provision fixtures, is transposed by the framework fixtures, target of contributions. */
  directive: string;
  /** A PUBLIC guideline restricted to ES-CT: target of the ES-CT contribution (contributions inherit the restriction). */
  catalanFramework: string;
  /** A PUBLIC procedure citing every provision fixture. */
  procedure: string;
  /** A PUBLIC curriculum relating to every procedure and framework fixture (created last: the training outbox's sentinel). */
  curriculum: string;
  /** A PUBLIC workshop and its recommendation, linked to every procedure, framework and curriculum fixture. */
  workshop: string;
  recommendation: string;
}

export interface Run {
  /** In the text of every fixture (not of the holders): the search word and list filter of the run. */
  token: string;
  /** The same as a procedure tag (procedures filter on tags). */
  tag: string;
  /** In the text of every holder. */
  holderWord: string;
  /** Creates legal texts (REVIEWER) and curricula (TRAINER): a Catalan manager of another agency than the viewers'. */
  author: string;
  authorAgency: string;
  /** Decides the contributions: a Catalan manager with the REVIEWER role, of another organisation than the author's. */
  reviewer: string;
  /** Members who are assigned each curriculum fixture (while it is still PUBLIC). */
  assignees: string[];
  fixtures: Record<string, Fixture[]>;
  holders: Holders;
}

const LETTERS = 'bcdfghjklmnpqrstvwxz';
/** A word no text of the platform holds, which no stemmer changes and no typo correction confuses with another. */
export const uniqueWord = (prefix = 'zq') => prefix + Array.from({ length: 10 }, () => LETTERS[randomInt(LETTERS.length)]).join('');

const nextYear = () => `${new Date().getUTCFullYear() + 1}-12-31`;
const ABOUT = 'Written for the access matrix test of the platform.';

/** Runs a mutation (or query) as a member and returns its data, or throws with the errors. */
async function as<T = any>(platform: TestPlatform, member: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r: GraphQLResponse<T> = await platform.query<T>(query, variables, member);
  if (r.errors?.length || !r.data) throw new Error(`${member}: ${query.trim().slice(0, 60)}... failed: ${JSON.stringify(r.errors ?? r)}`);
  return r.data;
}

export interface CreateContext {
  platform: TestPlatform;
  run: Run;
}

/** How to create one item of a given visibility through the API; returns the item's id and parent. */
export type Creator = (ctx: CreateContext, variant: Variant, word: string, index: number) => Promise<{ id: string; parent?: string }>;

// --- creators (one per entity type) -----------------------------------------------------------------------------

/** demo-manager-es (EDITOR and MANAGER of Mossos d'Esquadra, ES-CT) creates and publishes it. */
export const createProcedure: Creator = async ({ platform, run }, v, word) => {
  const created = await as(platform, 'demo-manager-es', `mutation ($input: CreateProcedureInput!) { createProcedure(input: $input) { id } }`, {
    input: {
      topic: 'COMMUNICATION', title: `Procedure ${run.token} ${word}`, summary: ABOUT, body: '## Steps\nAnswer citizens on the official account.',
      tags: [run.tag], language: 'en', visibility: v.visibility, restrictedTo: v.restrictedTo,
      operationalNotes: 'Notes for law-enforcement staff.', resourcing: { staff: 3, budgetEur: 1000, tooling: ['dashboard'] },
    },
  });
  const id: string = created.createProcedure.id;
  await as(platform, 'demo-manager-es', `mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { id } }`, { id });
  return { id };
};

/** The run's author (REVIEWER) creates a Catalan statute transposing the holder directive. */
export const createLegalFramework: Creator = async ({ platform, run }, v, word) => {
  const r = await as(platform, run.author, `mutation ($input: CreateLegalFrameworkInput!) { createLegalFramework(input: $input) { id } }`, {
    input: {
      jurisdiction: 'ES-CT', kind: 'STATUTE', title: `Statute ${run.token} ${word}`, shortTitle: `Statute ${run.token} ${word}`,
      languages: ['ca'], summary: ABOUT, topics: ['DATA_PROTECTION'], transposes: run.holders.directive,
      visibility: v.visibility, restrictedTo: v.restrictedTo,
    },
  });
  return { id: r.createLegalFramework.id };
};

/** The run's author (REVIEWER) adds it to the PUBLIC holder directive, so that its own guard decides. */
export const createLegalProvision: Creator = async ({ platform, run }, v, word, index) => {
  const r = await as(platform, run.author, `mutation ($f: ID!, $input: AddProvisionInput!) { addProvision(framework: $f, input: $input) { id } }`, {
    f: run.holders.directive,
    input: { reference: `Art. ${index + 1}`, heading: `Provision ${run.token} ${word}`, text: ABOUT, visibility: v.visibility, restrictedTo: v.restrictedTo },
  });
  return { id: r.addProvision.id, parent: run.holders.directive };
};

/**
 * The run's author comments on a holder framework (the ES-CT one for a restricted comment: a contribution takes its
 * target's restriction), the run's reviewer (another organisation, and able to see every variant: a reviewer decides
 * only what they may see) accepts it. Accepted, it is visible by its guard.
 */
export const createContribution: Creator = async ({ platform, run }, v, word) => {
  const target = v.restrictedTo.length ? run.holders.catalanFramework : run.holders.directive;
  const r = await as(platform, run.author, `mutation ($input: SubmitContributionInput!) { submitContribution(input: $input) { id } }`, {
    input: { kind: 'COMMENT', target, proposedText: `Comment ${run.token} ${word}`, rationale: ABOUT, visibility: v.visibility },
  });
  const id: string = r.submitContribution.id;
  await as(platform, run.reviewer, `mutation ($id: ID!) { startReview(id: $id) { id } }`, { id });
  await as(platform, run.reviewer, `mutation ($id: ID!) { decideContribution(id: $id, decision: ACCEPT) { id status } }`, { id });
  return { id, parent: target };
};

/**
 * The run's author (TRAINER) creates it PUBLIC, demo-trainer (CEPOL, assigns anywhere) assigns it to the signed-in
 * viewers, then the author sets its visibility: a viewer keeps an assignment of a curriculum they may no longer read.
 */
export const createCurriculum: Creator = async ({ platform, run }, v, word) => {
  const r = await as(platform, run.author, `mutation ($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id } }`, {
    input: {
      title: `Curriculum ${run.token} ${word}`, summary: ABOUT, audience: 'ALL', topics: ['COMMUNICATION'], language: 'ga',
      estimatedHours: 1, visibility: 'PUBLIC', validityMonths: 12,
    },
  });
  const id: string = r.createCurriculum.id;
  await as(platform, 'demo-trainer', `mutation ($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { createdCount } }`, {
    input: { curriculumId: id, memberIds: run.assignees, dueOn: nextYear() },
  });
  await as(platform, run.author, `mutation ($id: ID!, $input: UpdateCurriculumInput!) { updateCurriculum(id: $id, expectedVersion: 1, input: $input) { id } }`, {
    id, input: { visibility: v.visibility, restrictedTo: v.restrictedTo },
  });
  return { id };
};

const workshopInput = (title: string, theme: string, v: Pick<Variant, 'visibility' | 'restrictedTo'>) => ({
  title, theme, city: 'ES-CT-BCN', startsOn: '2031-05-01', endsOn: '2031-05-02', organiser: 'es-ct-mossos', topics: ['COMMUNICATION'],
  participantCount: 12, summary: ABOUT, language: 'en', visibility: v.visibility, restrictedTo: v.restrictedTo,
});

/** demo-manager-es (EDITOR) creates it in Barcelona. */
export const createWorkshop: Creator = async ({ platform, run }, v, word) => {
  const r = await as(platform, 'demo-manager-es', `mutation ($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`, {
    input: workshopInput(`Workshop ${run.token} ${word}`, `Access matrix ${run.token}`, v),
  });
  return { id: r.createWorkshop.id };
};

const workshopOf = (run: Run, v: Variant) => run.fixtures.Workshop!.find((f) => f.variant.key === v.key)!.id;

/** demo-manager-es adds it to the workshop fixture of the same visibility (items share their workshop's visibility). */
export const createSwotItem: Creator = async ({ platform, run }, v, word) => {
  const workshop = workshopOf(run, v);
  const r = await as(platform, 'demo-manager-es', `mutation ($w: ID!, $items: [SwotItemInput!]!) { addSwotItems(workshop: $w, items: $items) { id } }`, {
    w: workshop, items: [{ topic: 'COMMUNICATION', quadrant: 'STRENGTH', statement: `Strength ${run.token} ${word}` }],
  });
  return { id: r.addSwotItems[0].id, parent: workshop };
};

/** demo-manager-es adds it to the workshop fixture of the same visibility. */
export const createRecommendation: Creator = async ({ platform, run }, v, word) => {
  const workshop = workshopOf(run, v);
  const r = await as(platform, 'demo-manager-es', `mutation ($w: ID!, $input: RecommendationInput!) { addRecommendation(workshop: $w, input: $input) { id } }`, {
    w: workshop, input: { statement: `Recommendation ${run.token} ${word}`, rationale: ABOUT, addressees: ['ACADEMIA'], topics: ['COMMUNICATION'], priority: 'LOW' },
  });
  return { id: r.addRecommendation.id, parent: workshop };
};

/** The member fixture is the run's author, invited by demo-admin; members are MEMBERS-visible, their email LEA. */
export const theAuthor: Creator = async ({ run }) => ({ id: run.author, parent: run.authorAgency });

// --- the run ------------------------------------------------------------------------------------------------------

/**
 * Invites the run's author (demo-admin): a MANAGER of the Catalan police school with the TRAINER and REVIEWER roles; and
 * the run's reviewer, a MANAGER of the Mossos with the REVIEWER role.
 */
export async function startRun(platform: TestPlatform): Promise<Run> {
  const token = uniqueWord();
  const holderWord = uniqueWord('hq');
  const authorAgency = 'es-ct-ispc';
  const invited = await as(platform, 'demo-admin', `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, {
    input: { id: `author-${token}`, displayName: 'Access Matrix Author', email: `${token}@demo.ispc.example`, agency: authorAgency, tier: 'MANAGER', roles: ['TRAINER', 'REVIEWER'] },
  });
  const reviewerWord = uniqueWord('rv');
  const reviewer = await as(platform, 'demo-admin', `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, {
    // A word of its own: the run's token and holder word pick out the fixtures and holders only.
    input: { id: `reviewer-${reviewerWord}`, displayName: 'Access Matrix Reviewer', email: `${reviewerWord}@demo.mossos.example`, agency: 'es-ct-mossos', tier: 'MANAGER', roles: ['REVIEWER'] },
  });
  return {
    token, tag: token.toUpperCase(), holderWord, author: invited.inviteMember.id, authorAgency, reviewer: reviewer.inviteMember.id,
    assignees: VIEWER_KINDS.flatMap((v) => (v.member ? [v.member] : [])),
    fixtures: {},
    holders: { directive: '', catalanFramework: '', procedure: '', curriculum: '', workshop: '', recommendation: '' },
  };
}

/** The legal holders, needed before the legal fixtures. */
export async function createLegalHolders({ platform, run }: CreateContext): Promise<void> {
  const create = `mutation ($input: CreateLegalFrameworkInput!) { createLegalFramework(input: $input) { id } }`;
  const base = { languages: ['en'], summary: ABOUT, topics: ['DATA_PROTECTION'] };
  const directive = await as(platform, run.author, create, { input: { ...base, jurisdiction: 'EU', kind: 'DIRECTIVE',
    title: `Holder directive ${run.holderWord}`, shortTitle: `Directive ${run.holderWord}`, visibility: 'PUBLIC' } });
  run.holders.directive = directive.createLegalFramework.id;
  const guideline = await as(platform, run.author, create, { input: { ...base, jurisdiction: 'ES-CT', kind: 'GUIDELINE',
    title: `Holder guideline ${run.holderWord}`, shortTitle: `Guideline ${run.holderWord}`, visibility: 'PUBLIC', restrictedTo: ['ES-CT'] } });
  run.holders.catalanFramework = guideline.createLegalFramework.id;
}

const idsOf = (run: Run, type: string) => (run.fixtures[type] ?? []).map((f) => f.id);

/** The PUBLIC holders referring to the fixtures; the curriculum comes after every curriculum change (see Holders). */
export async function createReferringHolders({ platform, run }: CreateContext): Promise<void> {
  const p = await as(platform, 'demo-manager-es', `mutation ($input: CreateProcedureInput!) { createProcedure(input: $input) { id } }`, {
    input: { topic: 'MONITORING', title: `Holder procedure ${run.holderWord}`, summary: ABOUT, body: '## Steps\nCite the provisions.', language: 'en',
      visibility: 'PUBLIC', legalBasis: idsOf(run, 'LegalProvision') },
  });
  run.holders.procedure = p.createProcedure.id;
  await as(platform, 'demo-manager-es', `mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { id } }`, { id: run.holders.procedure });

  const w = await as(platform, 'demo-manager-es', `mutation ($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`, {
    input: workshopInput(`Holder workshop ${run.holderWord}`, `Access matrix holder ${run.holderWord}`, { visibility: 'PUBLIC', restrictedTo: [] }),
  });
  run.holders.workshop = w.createWorkshop.id;
  const r = await as(platform, 'demo-manager-es', `mutation ($w: ID!, $input: RecommendationInput!) { addRecommendation(workshop: $w, input: $input) { id } }`, {
    w: run.holders.workshop, input: { statement: `Holder recommendation ${run.holderWord}`, rationale: ABOUT, addressees: ['LEAS'], priority: 'HIGH' },
  });
  run.holders.recommendation = r.addRecommendation.id;

  const c = await as(platform, run.author, `mutation ($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id } }`, {
    input: { title: `Holder curriculum ${run.holderWord}`, summary: ABOUT, audience: 'ALL', topics: ['COMMUNICATION'], language: 'en', estimatedHours: 1,
      visibility: 'PUBLIC', validityMonths: 12, relatedProcedures: idsOf(run, 'Procedure'), relatedLegalFrameworks: idsOf(run, 'LegalFramework') },
  });
  run.holders.curriculum = c.createCurriculum.id;

  const links = [
    ...idsOf(run, 'Procedure').map((id) => ({ type: 'PROCEDURE', id })),
    ...idsOf(run, 'LegalFramework').map((id) => ({ type: 'LEGAL_FRAMEWORK', id })),
    ...idsOf(run, 'Curriculum').map((id) => ({ type: 'CURRICULUM', id })),
  ];
  for (const target of links) {
    await as(platform, 'demo-manager-es', `mutation ($id: ID!, $target: RecommendationLinkInput!) { linkRecommendation(id: $id, target: $target) { id } }`, {
      id: run.holders.recommendation, target,
    });
  }
}

/** Creates the fixtures of one entity type, one per variant, in order, each with a word of its own. */
export async function createFixtures(ctx: CreateContext, type: string, create: Creator, variants: readonly Variant[]): Promise<void> {
  const made: Fixture[] = [];
  for (const [i, variant] of variants.entries()) {
    const word = uniqueWord();
    const { id, parent } = await create(ctx, variant, word, i);
    made.push({ id, variant, word, parent: parent ?? null });
  }
  ctx.run.fixtures[type] = made;
}
