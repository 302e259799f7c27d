import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildASTSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, parse,
} from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../lib/access.ts';
import { contextFor, subgraphApollo } from '../lib/subgraphServer.ts';
import type { Databases } from '../scripts/platform.ts';
import { definitionOf } from '../scripts/services.ts';
import { freshDatabases, silentLog, viewerOf } from './support/platform.ts';

// "Property-based bad input for every mutation: never an internal error, never a partial write."
// Every Mutation field of every subgraph is read from its schema.graphql; its arguments are generated from their GraphQL
// input types (hostile strings, extreme numbers, enum values, seeded and random ids, empty and long lists, optional
// fields present, null or absent) and each call runs in-process against the subgraph over a seeded database, as a
// viewer allowed to call the mutation, so that validation and not the shield is exercised. Some calls are clean
// (plausible values only, no null, the version the target is at): each mutation must be seen to succeed a few times, or
// a property that only ever met refusals would hold without proving anything.
// A failure names the mutation, the caller, the seed and the counterexample, with the original error behind any masked one.
// FC_SEED=<n> reruns with another base seed; FC_RUNS=<n> changes the runs per mutation; FC_DEBUG=1 prints how many calls
// of each mutation succeeded and why the others failed; FC_TRACE=1 prints every call's variables.

const SEED = Number(process.env.FC_SEED ?? 20_251_129);
const RUNS = Number(process.env.FC_RUNS ?? 30);
const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED']);
/** One clean call in this many. */
const CLEAN_ONE_IN = 4;
/** Calls that must succeed per mutation, out of RUNS. */
const MIN_SUCCEEDED = Math.ceil(RUNS / 10);
/** Fewer where the seeds hold only so many targets a call can succeed on once. */
const MIN_SUCCEEDED_BY_MUTATION: Record<string, number> = {
  'legal.decideContribution': 1, // one contribution under review
  'legal.startReview': 2, // two submitted
  'legal.withdrawContribution': 2, // two open of the caller's
  'procedures.publishProcedure': 1, // one draft in the caller's agency
};

// ---------------------------------------------------------------------------------------------------------------------
// The mutations, from every subgraph's SDL

interface MutationCase {
  subgraph: string;
  field: GraphQLField<unknown, unknown>;
}

const root = new URL('../subgraphs/', import.meta.url);
const MUTATIONS: MutationCase[] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/schema.graphql`, root)))
  .flatMap((d) => {
    // Federation directives are not declared in the SDL; the schema is only read for its types.
    const schema = buildASTSchema(parse(readFileSync(new URL(`${d.name}/schema.graphql`, root), 'utf8')), { assumeValidSDL: true });
    return Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ subgraph: d.name, field }));
  })
  .sort((a, b) => `${a.subgraph}.${a.field.name}`.localeCompare(`${b.subgraph}.${b.field.name}`));

/** Who calls each mutation: someone the shield lets through (default: an ADMIN). SQL picks a member from the data. */
const CALLERS: Record<string, string | { sql: string }> = {
  'procedures.createProcedure': 'demo-manager-es',
  'procedures.updateProcedure': 'demo-manager-es',
  // Bavaria's manager: their unit has a draft waiting (proc-de-by-communication).
  'procedures.publishProcedure': 'demo-manager-de',
  'procedures.withdrawProcedure': 'demo-manager-es',
  'procedures.setDimensionValues': 'demo-manager-es',
  'procedures.verifyProcedure': 'demo-manager-es',
  'legal.createLegalFramework': 'demo-reviewer',
  'legal.updateLegalFramework': 'demo-reviewer',
  'legal.addProvision': 'demo-reviewer',
  'legal.amendProvision': 'demo-reviewer',
  'legal.submitContribution': 'demo-partner',
  'legal.withdrawContribution': { sql: `SELECT author_id AS id FROM legal.contributions WHERE status IN ('SUBMITTED', 'UNDER_REVIEW') ORDER BY id LIMIT 1` },
  'legal.startReview': 'demo-reviewer',
  'legal.decideContribution': 'demo-reviewer',
  // A Catalan trainer: the plausible restrictions (ES, ES-CT, EU) leave what they write readable by them.
  'training.createCurriculum': 'm-trainer-es',
  'training.updateCurriculum': 'demo-trainer',
  'training.addModule': 'demo-trainer',
  'training.assignCurriculum': 'demo-trainer',
  'training.cancelAssignment': 'demo-trainer',
  'training.recordModuleProgress': { sql: `SELECT member_id AS id FROM training.assignments WHERE status IN ('ASSIGNED', 'IN_PROGRESS') ORDER BY id LIMIT 1` },
  'workshops.createWorkshop': 'demo-manager-es',
  // A workshop's outputs are written by its organiser's staff or an ADMIN; no seeded EDITOR works for an organiser.
  'workshops.addSwotItems': 'demo-admin',
  'workshops.voteSwotItem': 'demo-manager-es',
  'workshops.addKeyMessage': 'demo-admin',
  'workshops.addRecommendation': 'demo-admin',
  'workshops.setRecommendationStatus': 'demo-admin',
  'workshops.linkRecommendation': 'demo-admin',
  'workshops.unlinkRecommendation': 'demo-admin',
};

// ---------------------------------------------------------------------------------------------------------------------
// Ids: seeded ones (read from the database, so that calls reach past "not found"), and made-up ones

const WRITABLE_WORKSHOPS = `SELECT w.id FROM workshops.workshops w JOIN access.principals p ON p.member_id = $1
  WHERE w.organiser_id = p.agency_id OR ('ADMIN' = ANY(p.roles) AND w.visibility IN ('PUBLIC', 'MEMBERS') AND cardinality(w.restricted_to) = 0)`;

/** Id pools by name; `$1` is the caller's member id. */
const POOLS: Record<string, string> = {
  procedure: 'SELECT id FROM procedures.procedures',
  ownProcedure: 'SELECT id FROM procedures.procedures WHERE agency_id = (SELECT agency_id FROM access.principals WHERE member_id = $1)',
  dimension: 'SELECT key AS id FROM procedures.dimensions',
  framework: 'SELECT id FROM legal.frameworks',
  directive: `SELECT id FROM legal.frameworks WHERE kind = 'DIRECTIVE'`,
  provision: 'SELECT id FROM legal.provisions',
  contribution: 'SELECT id FROM legal.contributions',
  ownContribution: 'SELECT id FROM legal.contributions WHERE author_id = $1',
  legalDimension: 'SELECT key AS id FROM legal.position_dimensions',
  curriculum: 'SELECT id FROM training.curricula',
  ownCurriculum: 'SELECT id FROM training.curricula WHERE owner_agency_id = (SELECT agency_id FROM access.principals WHERE member_id = $1)',
  module: 'SELECT id FROM training.modules',
  assignment: 'SELECT id FROM training.assignments',
  ownAssignment: 'SELECT id FROM training.assignments WHERE member_id = $1',
  ownModule: 'SELECT m.id FROM training.modules m JOIN training.assignments a ON a.curriculum_id = m.curriculum_id WHERE a.member_id = $1',
  workshop: 'SELECT id FROM workshops.workshops',
  /** Workshops whose outputs the caller may write: their agency organises it, or they are an ADMIN who can see it. */
  writableWorkshop: WRITABLE_WORKSHOPS,
  writableRecommendation: `SELECT id FROM workshops.recommendations WHERE workshop_id IN (${WRITABLE_WORKSHOPS})`,
  /** Procedures in force and legal frameworks that every LEA member may see, and so cite. */
  citableProcedure: `SELECT doc_id AS id FROM procedures.search_documents WHERE visibility <> 'MANAGEMENT' AND cardinality(restricted_to) = 0`,
  citableFramework: `SELECT doc_id AS id FROM legal.search_documents WHERE doc_type = 'LegalFramework' AND visibility <> 'MANAGEMENT'
    AND cardinality(restricted_to) = 0`,
  ownAgency: 'SELECT agency_id AS id FROM access.principals WHERE member_id = $1',
  swotItem: 'SELECT id FROM workshops.swot_items',
  recommendation: 'SELECT id FROM workshops.recommendations',
  jurisdiction: 'SELECT code AS id FROM directory.jurisdictions',
  agency: 'SELECT id FROM directory.agencies',
  member: 'SELECT id FROM directory.members',
};

/**
 * Which pools an id-like argument or input field draws from: `Mutation.arg`, `InputType.field`, then the bare name.
 * A clean call draws from the first (the caller's own where there is one), or makes a new id where one is made.
 */
const ID_HINTS: Record<string, string[]> = {
  'recordModuleProgress.assignmentId': ['ownAssignment', 'assignment'],
  'recordModuleProgress.moduleId': ['ownModule', 'module'],
  'withdrawContribution.id': ['ownContribution', 'contribution'],
  'RecommendationLinkInput.id': ['procedure', 'framework', 'curriculum'],
  'SubmitContributionInput.target': ['framework', 'provision'],
  'CreateAgencyInput.id': ['agency'],
  'InviteMemberInput.id': ['member'],
  'DimensionValueInput.key': ['dimension'],
  'LegalPositionInput.key': ['legalDimension'],
  legalBasis: ['provision'],
  relatedProcedures: ['citableProcedure', 'procedure'],
  relatedLegalFrameworks: ['citableFramework', 'framework'],
  transposes: ['directive', 'framework'],
  framework: ['framework'],
  restrictedTo: ['jurisdiction'],
  jurisdictions: ['jurisdiction'],
  jurisdiction: ['jurisdiction'],
  city: ['jurisdiction'],
  organiser: ['ownAgency', 'agency'],
  agency: ['agency'],
  agencyId: ['agency'],
  memberIds: ['member'],
  curriculumId: ['curriculum'],
  moduleId: ['module'],
  assignmentId: ['assignment'],
  workshop: ['writableWorkshop', 'workshop'],
};

/** The pools for a mutation's `id` argument, by what it returns. */
const ID_BY_RETURN_TYPE: Record<string, string[]> = {
  Procedure: ['ownProcedure', 'procedure'],
  LegalFramework: ['framework'],
  LegalProvision: ['provision'],
  Contribution: ['contribution'],
  Curriculum: ['ownCurriculum', 'curriculum'],
  Assignment: ['assignment'],
  SwotItem: ['swotItem'],
  Recommendation: ['writableRecommendation', 'recommendation'],
  Workshop: ['workshop'],
  Member: ['member'],
  Agency: ['agency'],
};

// ---------------------------------------------------------------------------------------------------------------------
// Values

// Every leaf value is mostly plausible and sometimes hostile, so that a fair share of calls gets past validation and
// reaches the database with what is still strange in it (markup, SQL, quotes, emoji, right-to-left marks), while the
// others are refused with outright hostile values: empty, blank, huge, control characters and broken Unicode, wrong
// shapes, numbers outside every range, unknown ids, long lists.
const PLAUSIBLE_WEIGHT = 8;
const HOSTILE_WEIGHT = 1;

const PLAUSIBLE_STRINGS = [
  'A plausible title', 'A short summary that reads like a real one.', 'Check the source before answering online.',
  '## Purpose\nAnswer the public quickly.\n\n## Steps\nPost, then verify.', 'Because the workshop said so.',
  'Ünïcødé — ✓ 𝔘𝔫𝔦 😀👮‍♀️ text', 'Texto en español con acentos: información, policía.', 'العربية نص للاختبار', '日本語のテキストです',
];
/** Odd but storable: these may well be saved, and must come back as they went in. */
const ODD = [
  "'; DROP TABLE procedures.procedures; --", 'Robert"); DELETE FROM workshops.workshops; --', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '%s%n%x%d', '${jndi:ldap://example.invalid/a}', '{{7*7}}', '\\', '"', "'", '\t', '\r\n', '😀👮‍♀️',
  '\u202e', '\u200b', '\ufeff', '../../etc/passwd', '$1', '?', ':name',
];
/** What the database cannot keep as given, or no person types. */
const UNSTORABLE = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\ud800', '\udfff', '\u0008'];
const HOSTILE_STRINGS = [
  '', ' ', ' \t\n ', '\r\n\r\n', '\u200b\u200b\u200b', 'null', 'undefined', 'NaN', '-1', '0', '{}', '[]', "' OR '1'='1",
  'x'.repeat(10_000), 'é'.repeat(5_001), '😀'.repeat(2_600), '\n'.repeat(300), 'A'.repeat(101), ...UNSTORABLE,
];

const todayPlus = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Plausible values by field or argument name (the generic ones cover the rest). */
const PLAUSIBLE_BY_NAME: Record<string, unknown[]> = {
  language: ['en', 'es', 'ca', 'de'],
  languages: [['en'], ['en', 'de'], ['es', 'ca']],
  tags: [['OSINT'], ['HATE_SPEECH', 'OSINT'], []],
  email: ['someone@example.eu', 'someone.else@example.eu', 'a.third@example.eu'],
  celex: ['32016L0680', '32022R2065'],
  eli: ['http://data.europa.eu/eli/dir/2016/680/oj'],
  reference: ['Art. 99', 's. 12', 'Art. 7a'],
  acronym: ['GUB', 'TST'],
  restrictedTo: [[], [], ['ES'], ['ES-CT'], ['EU']],
  jurisdictions: [[], ['ES'], ['ES-CT']],
  expectedVersion: [1, 2, 3, 4],
  score: [0, 50, 80, 100],
  passMark: [0, 60, 100],
  durationMinutes: [30, 60, 90],
  participantCount: [5, 20, 60],
  staff: [1, 4, 12],
  budgetEur: [0, 1_000, 25_000],
  validityMonths: [12, 24, 36],
  estimatedHours: [0.5, 2, 16],
  dueOn: [todayPlus(30), todayPlus(90), todayPlus(365)],
  effectiveFrom: [todayPlus(0), todayPlus(1), todayPlus(30)],
  validFrom: [todayPlus(0), todayPlus(30), '2024-01-01'],
  startsOn: ['2025-09-01', '2026-03-10'],
  endsOn: ['2025-09-02', '2026-03-12'],
  adoptedOn: ['2016-04-27', '2023-01-10'],
  inForceFrom: ['2016-05-05', '2023-02-01'],
  repealedOn: ['2030-01-01'],
  value: [true, false, 0, 30, 365, 'YES', 'NO', 'Plain text value', ['OFFICIAL_ACCOUNTS']],
};

/** Ids an input creates: new ones (and, from the pool, taken ones). */
const NEW_IDS: Record<string, fc.Arbitrary<string>> = {
  'CreateAgencyInput.id': fc.integer({ min: 1, max: 1e9 }).map((n) => `test-agency-${n}`),
  'InviteMemberInput.id': fc.integer({ min: 1, max: 1e9 }).map((n) => `test-member-${n}`),
};

/** Plausible text, now and then with something odd spliced in. */
const textArb = fc.tuple(fc.constantFrom(...PLAUSIBLE_STRINGS), fc.option(fc.constantFrom(...ODD), { freq: 2 }), fc.nat(20))
  .map(([text, odd, at]) => (odd === null ? text : `${text.slice(0, at)}${odd}${text.slice(at)}`));

const hostileStringArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PLAUSIBLE_STRINGS), fc.constantFrom(...UNSTORABLE), fc.nat(20))
    .map(([text, odd, at]) => `${text.slice(0, at)}${odd}${text.slice(at)}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 10_000, maxLength: 10_020 }) },
);

const hostileIntArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -1, 101, 10_001, 2_147_483_647, -2_147_483_648) },
  { weight: 2, arbitrary: fc.integer() },
  // Outside GraphQL's 32-bit Int, or not an integer: refused while coercing variables.
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 53), 1.5) },
);

const hostileFloatArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.25, 2_000.5, -1, 1e-308, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const hostileDateArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(todayPlus(-1), todayPlus(-400), '1900-01-01', '2100-12-31', '2024-02-29') },
  { weight: 2, arbitrary: fc.constantFrom('2025-02-30', '2025-13-01', '0000-00-00', '99999-01-01', '2025-1-1', '2025-01-01T00:00:00Z') },
  { weight: 1, arbitrary: fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: hostileStringArb },
);

const hostileJsonArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(-1, 1e12, 0.5, 'x'.repeat(10_000), 'a\u0000b', ['a\u0000'], ['OFFICIAL_ACCOUNTS', 'OFFICIAL_ACCOUNTS'], [], {}, '') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileStringArb },
);

/** Made-up ids: well-formed but unknown, or of no form at all. */
const strangeIdArb = fc.oneof(
  fc.uuid().map((u) => `proc-${u}`),
  fc.uuid().map((u) => `cur-${u}`),
  fc.uuid(),
  fc.constantFrom('eu-0000-000', 'zz-unknown', 'ZZ', 'EU', 'ES-CT-BCN-XX', 'proc-'),
  hostileStringArb,
);

/** Where a value is being generated: the mutation, the input type holding the field (if any) and the field's name. */
interface Place {
  mutation: string;
  returnType: string;
  holder: string | null;
  name: string;
  /** Plausible values only, and no null. */
  clean: boolean;
}

type Pools = Record<string, string[]>;

const hinted = <T>(hints: Record<string, T>, place: Place): T | undefined =>
  hints[`${place.mutation}.${place.name}`] ?? (place.holder ? hints[`${place.holder}.${place.name}`] : undefined) ?? hints[place.name];

function poolArb(place: Place, pools: Pools): fc.Arbitrary<unknown> | null {
  const names = hinted(ID_HINTS, place) ?? (place.holder === null && place.name === 'id' ? ID_BY_RETURN_TYPE[place.returnType] : undefined);
  // Each pool as likely as the others (the caller's own items as likely as everyone's).
  const known = (names ?? []).map((n) => pools[n] ?? []).filter((ids) => ids.length > 0);
  const fresh = hinted(NEW_IDS, place);
  if (place.clean) return fresh ?? (known[0] ? fc.constantFrom(...known[0]) : null);
  const choices = [...known.map((ids) => fc.constantFrom(...ids)), ...(fresh ? [fresh] : [])];
  return choices.length ? fc.oneof(...choices) : null;
}

/** Mostly plausible, sometimes hostile (never in a clean call). */
const mostly = (place: Place, plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
  (place.clean ? plausible : fc.oneof({ weight: PLAUSIBLE_WEIGHT, arbitrary: plausible }, { weight: HOSTILE_WEIGHT, arbitrary: hostile }));

function leafArb(type: GraphQLNamedType, place: Place, pools: Pools): fc.Arbitrary<unknown> {
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value as string));
  const byName = hinted(PLAUSIBLE_BY_NAME, place)?.filter((v) => !Array.isArray(v) || place.name === 'value');
  const named = byName?.length ? fc.constantFrom(...byName) : null;
  const pooled = poolArb(place, pools);
  switch (type.name) {
    case 'ID': return mostly(place, pooled ?? fc.constantFrom(...Object.values(pools).flat()), strangeIdArb);
    case 'Int': return mostly(place, named ?? fc.integer({ min: 1, max: 60 }), hostileIntArb);
    case 'Float': return mostly(place, named ?? fc.double({ min: 0.5, max: 100, noNaN: true }), hostileFloatArb);
    case 'Boolean': return fc.boolean();
    case 'Date': return mostly(place, named ?? fc.constantFrom(todayPlus(0), todayPlus(30), '2020-06-01', '2024-02-29'), hostileDateArb);
    case 'JSON': return mostly(place, named ?? fc.jsonValue({ maxDepth: 1 }), hostileJsonArb);
    // Strings named like an id pool (e.g. a dimension key) draw from it.
    default: return mostly(place, named ?? pooled ?? textArb, hostileStringArb);
  }
}

/** An arbitrary for any value of a GraphQL input type (never null here: callers decide about null and absence). */
function valueArb(type: GraphQLInputType, place: Place, pools: Pools): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueArb(type.ofType, place, pools);
  if (isListType(type)) {
    const item = fieldArb(type.ofType, place, pools, true);
    const lists = place.clean
      ? fc.uniqueArray(item, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) })
      : fc.array(item, { minLength: 1, maxLength: 3 });
    const named = hinted(PLAUSIBLE_BY_NAME, place)?.filter(Array.isArray);
    const long = isLeafType(getNamedType(type.ofType)) ? { minLength: 51, maxLength: 150 } : { minLength: 51, maxLength: 110 };
    const hostile = fc.oneof(fc.constant([]), fc.array(item, long), ...(named?.length ? [lists] : []));
    return mostly(place, named?.length ? fc.constantFrom(...named) : lists, hostile);
  }
  if (isInputObjectType(type)) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of Object.values(type.getFields())) {
      if (place.clean && !isNonNullType(f.type) && KEYED_VALUES.has(getNamedType(f.type).name)) continue;
      model[f.name] = fieldArb(f.type, { ...place, holder: type.name, name: f.name }, pools);
    }
    return withoutAbsent(model);
  }
  return leafArb(getNamedType(type), place, pools);
}

/**
 * Inputs whose value must fit their key (its type, its topic): generated apart, they seldom do, so a clean call leaves
 * optional lists of them out.
 */
const KEYED_VALUES = new Set(['DimensionValueInput', 'LegalPositionInput']);

/** Marks an optional input field or argument left out. */
const ABSENT = Symbol('absent');

/** A nullable position may also hold null or, as an input field or argument, be left out (never in a clean call). */
function fieldArb(type: GraphQLInputType, place: Place, pools: Pools, listItem = false): fc.Arbitrary<unknown> {
  const value = valueArb(type, place, pools);
  if (isNonNullType(type) || place.clean) return value;
  const absent = listItem ? [] : [{ weight: 2, arbitrary: fc.constant<unknown>(ABSENT) }];
  return fc.oneof({ weight: 1, arbitrary: fc.constant<unknown>(null) }, ...absent, { weight: 8, arbitrary: value });
}

/** An object of the generated fields, those marked absent left out. */
const withoutAbsent = (model: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(model).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ABSENT)));

interface Call {
  clean: boolean;
  variables: Record<string, unknown>;
}

/** Variables for one call: required arguments always, optional ones present, null or absent; or a clean call. */
function argumentsArb(m: MutationCase, pools: Pools): fc.Arbitrary<Call> {
  const returnType = getNamedType(m.field.type).name;
  const of = (clean: boolean) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const a of m.field.args) model[a.name] = fieldArb(a.type, { mutation: m.field.name, returnType, holder: null, name: a.name, clean }, pools);
    return withoutAbsent(model).map((variables) => ({ clean, variables }));
  };
  return fc.oneof({ weight: CLEAN_ONE_IN - 1, arbitrary: of(false) }, { weight: 1, arbitrary: of(true) });
}

const PROCEDURE_VERSION = 'SELECT latest_version AS "expectedVersion" FROM procedures.procedures WHERE id = $1';
const FOLLOWABLE = `SELECT json_build_object('targetType', 'PROCEDURE', 'id', doc_id) AS input FROM procedures.search_documents
  WHERE $1::text IS NULL AND visibility IN ('PUBLIC', 'MEMBERS') AND cardinality(restricted_to) = 0 ORDER BY doc_id LIMIT 1`;
/**
 * Arguments that only make sense together, read just before a clean call (`$1` is the generated id; the columns
 * replace the generated arguments): the version the target is at (a stale one is a CONFLICT, which the other calls
 * try), a link that exists.
 */
const CLEAN_ARGUMENTS: Record<string, string> = {
  'procedures.updateProcedure': PROCEDURE_VERSION,
  'procedures.publishProcedure': PROCEDURE_VERSION,
  // The values the procedure holds, set again: values fit for a dimension of its topic.
  'procedures.setDimensionValues': `SELECT p.latest_version AS "expectedVersion",
      (SELECT json_agg(json_build_object('key', e.key, 'value', e.value)) FROM jsonb_each(v.dimension_values) e) AS values
    FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = p.latest_version
    WHERE p.id = $1`,
  'legal.amendProvision': 'SELECT latest_version AS "expectedVersion" FROM legal.provisions WHERE id = $1',
  'training.updateCurriculum': 'SELECT version AS "expectedVersion" FROM training.curricula WHERE id = $1',
  'workshops.unlinkRecommendation': `SELECT json_build_object('type', target_type, 'id', target_id) AS target
    FROM workshops.recommendation_links WHERE recommendation_id = $1 ORDER BY target_type, target_id LIMIT 1`,
  // A target type and the id of an item of that type every member may see (the mutation has no id of its own: $1 is null).
  'notifications.follow': FOLLOWABLE,
  'notifications.unfollow': FOLLOWABLE,
  // A well-formed saved search id (the seeds hold none: nothing is deleted).
  'notifications.deleteSavedSearch': `SELECT gen_random_uuid()::text AS id WHERE $1::text IS NOT NULL OR $1::text IS NULL`,
  // Well-formed notification ids (the seeds hold no notifications: none is found, and none changes).
  'notifications.markNotificationsRead': `SELECT json_build_array('1', '2') AS ids WHERE $1::text IS NULL`,
};

async function variablesOf(dbs: Databases, key: string, call: Call): Promise<Record<string, unknown>> {
  const sql = CLEAN_ARGUMENTS[key];
  if (!call.clean || !sql) return call.variables;
  const [row] = await dbs.kernel.query(sql, [call.variables.id]);
  return { ...call.variables, ...row };
}

function documentOf(m: MutationCase): string {
  const vars = m.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = m.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(m.field.type)) ? '' : ' { __typename }';
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${m.field.name}${args ? `(${args})` : ''}${selection} }`;
}

// ---------------------------------------------------------------------------------------------------------------------
// The database: every table of the subgraph's schema (its outbox included) and the kernel's principals

/** Row count and a digest of the content of each table, in one statement. */
async function snapshot(dbs: Databases, schema: string): Promise<Record<string, string>> {
  const rows: { t: string; n: string; h: string }[] = await dbs.kernel.query(
    `SELECT format('%I.%I', table_schema, table_name) AS t,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text AS n,
       (xpath('/row/h/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(x::text, %L ORDER BY x::text), %L)) AS h FROM %I.%I x',
         E'\\n', '', table_schema, table_name), false, true, '')))[1]::text AS h
     FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND (table_schema = $1 OR (table_schema = 'access' AND table_name = 'principals'))
     ORDER BY 1`, [schema]);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows, ${r.h}`]));
}

const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);

// ---------------------------------------------------------------------------------------------------------------------
// In-process clients: the subgraph's own server (shield and error masking included), which also hands the original of
// each error to the test so that a failure says what went wrong.

interface Outcome {
  errors: { message: string; extensions?: Record<string, unknown> }[];
  originals: string[];
}

async function clientOf(subgraph: string) {
  const def = definitionOf(subgraph);
  const apollo = subgraphApollo(def);
  let originals: string[] = [];
  apollo.addPlugin({
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          originals = rc.errors.map((e) => {
            const original = e.originalError as (Error & { originalError?: Error }) | undefined;
            const deepest = original?.originalError ?? original ?? e;
            return `${e.message} <- ${deepest.stack?.split('\n').slice(0, 4).join(' | ') ?? deepest.message}`;
          });
        },
      };
    },
  });
  await apollo.start();
  return {
    async run(dbs: Databases, viewer: Viewer, query: string, variables: Record<string, unknown>): Promise<Outcome> {
      originals = [];
      const res = await apollo.executeOperation({ query, variables }, { contextValue: contextFor(def, dbs.bySubgraph[subgraph]!, viewer, silentLog) });
      if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
      return { errors: (res.body.singleResult.errors ?? []) as Outcome['errors'], originals };
    },
    stop: () => apollo.stop(),
  };
}

// ---------------------------------------------------------------------------------------------------------------------

const clients = new Map<string, Awaited<ReturnType<typeof clientOf>>>();
const summary: string[] = [];

beforeAll(async () => {
  for (const subgraph of new Set(MUTATIONS.map((m) => m.subgraph))) clients.set(subgraph, await clientOf(subgraph));
});
afterAll(async () => {
  if (summary.length && process.env.FC_DEBUG) console.log(`Mutations under property-based bad input (base seed ${SEED}, ${RUNS} runs each; succeeded/failed):\n  ${summary.join('\n  ')}`);
  await Promise.all([...clients.values()].map((c) => c.stop()));
});

async function callerOf(dbs: Databases, key: string): Promise<{ id: string; viewer: Viewer }> {
  const caller = CALLERS[key] ?? 'demo-admin';
  const id = typeof caller === 'string' ? caller : (await dbs.kernel.query(caller.sql))[0]?.id;
  if (!id) throw new Error(`No caller found for ${key}`);
  return { id, viewer: await viewerOf(dbs, id) };
}

async function poolsFor(dbs: Databases, memberId: string): Promise<Pools> {
  const entries = await Promise.all(Object.entries(POOLS).map(async ([name, sql]) => {
    const rows: { id: string }[] = await dbs.kernel.query(`SELECT id FROM (${sql}) p ORDER BY id LIMIT 200`, sql.includes('$1') ? [memberId] : []);
    return [name, rows.map((r) => r.id)] as const;
  }));
  return Object.fromEntries(entries);
}

/** A seed per mutation, stable when mutations are added or removed. */
const seedOf = (key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);

describe('every mutation under property-based bad input', () => {
  it('finds the mutations of every subgraph in its schema', () => {
    const subgraphs = new Set(MUTATIONS.map((m) => m.subgraph));
    for (const s of ['directory', 'procedures', 'legal', 'training', 'workshops']) expect(subgraphs).toContain(s);
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
  });

  for (const m of MUTATIONS) {
    const key = `${m.subgraph}.${m.field.name}`;
    it(`${key}: answers coded errors only, and writes nothing when it fails`, async () => {
      const client = clients.get(m.subgraph)!;
      // Each mutation starts from the seeds, whatever the others did.
      const dbs = await freshDatabases({ seeded: true });
      const caller = await callerOf(dbs, key);
      const pools = await poolsFor(dbs, caller.id);
      const document = documentOf(m);
      const seed = seedOf(key);
      let succeeded = 0;
      let failed = 0;
      const reasons = new Map<string, number>();
      // The tables as they stand: only a call that succeeded may change them, so they are read again only after one.
      let current = await snapshot(dbs, m.subgraph);
      try {
        await fc.assert(fc.asyncProperty(argumentsArb(m, pools), async (call) => {
          const variables = await variablesOf(dbs, key, call);
          if (process.env.FC_TRACE) console.log(key, call.clean ? 'clean' : '', JSON.stringify(variables).slice(0, 300));
          const { errors, originals } = await client.run(dbs, caller.viewer, document, variables);
          const uncoded = errors.filter((e) => !ALLOWED_CODES.has(String(e.extensions?.code ?? '')));
          if (uncoded.length) {
            current = await snapshot(dbs, m.subgraph); // what it wrote is not blamed on the next call while shrinking
            throw new Error(`errors without an allowed code: ${JSON.stringify(uncoded)}\n  originals: ${originals.join('\n    ')}`);
          }
          if (errors.length === 0) {
            succeeded++;
            current = await snapshot(dbs, m.subgraph);
            return;
          }
          failed++;
          const reason = `${call.clean ? '(clean) ' : ''}${errors[0]!.message.slice(0, 90)}`;
          if (process.env.FC_DEBUG) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          const after = await snapshot(dbs, m.subgraph);
          const changed = changedTables(current, after);
          current = after;
          if (changed.length) throw new Error(`a failed call (${errors.map((e) => e.extensions?.code).join(', ')}) changed ${changed.join(', ')}`);
        }), {
          numRuns: RUNS, seed, includeErrorInReport: true,
          // Shrinking a 10,000-character counterexample against the database could take long: stop and report what was found.
          // Interrupted before the runs are done is a failure, not a pass.
          plugins: [fc.interruptAfterTimeLimit(90_000, { failOnInterrupt: true })],
        });
      } catch (err) {
        // Long generated values are cut in the report; the seed replays them whole.
        const report = (err as Error).message.split('\n').map((l) => (l.length > 2_000 ? `${l.slice(0, 2_000)}… (${l.length} characters)` : l));
        throw new Error(`${key} as ${caller.id} (seed ${seed}; base FC_SEED=${SEED}):\n${report.join('\n')}`);
      } finally {
        await dbs.close();
      }
      summary.push(`${key} as ${caller.id}: ${succeeded}/${failed}${[...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([r, n]) => `\n      ${n} × ${r}`).join('')}`);
      expect(succeeded + failed, `${key}: calls made`).toBe(RUNS);
      expect(succeeded, `${key}: calls that succeeded (FC_DEBUG=1 says why the others failed)`).toBeGreaterThanOrEqual(MIN_SUCCEEDED_BY_MUTATION[key] ?? MIN_SUCCEEDED);
    }, 120_000);
  }
});
