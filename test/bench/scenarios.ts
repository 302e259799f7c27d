// The benchmark's operations, and the part of each that its root subgraph answers (sent to it directly to show the
// gateway's overhead). @apollo/federation-internals and @apollo/query-planner come with @apollo/gateway, at its version.
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { LARGEST_AGENCY, MEMBER_STATES } from './dataset.ts';

export interface Scenario {
  name: string;
  /** What the scenario asks, for the report. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** A problem with a correct response that would make the measurement meaningless (e.g. an empty result), or null. */
  check(data: any): string | null;
}

export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 20) {
    total
    hits {
      score type title snippet
      entity {
        __typename
        ... on Procedure { id title jurisdiction { code } }
        ... on LegalFramework { id shortTitle }
        ... on LegalProvision { id reference heading }
        ... on Curriculum { id title }
        ... on Workshop { id title }
        ... on SwotItem { id statement }
        ... on Recommendation { id statement }
      }
    }
    facets { field values { value count } }
  }
}`;

const searchCheck = (data: any) => {
  const s = data?.search;
  if (!s || s.total === 0) return 'no search hits';
  const unresolved = s.hits.filter((h: any) => h.entity === null).length;
  return unresolved ? `${unresolved} hits whose entity did not resolve` : null;
};

export const COMPARE = `query Compare($topic: Topic!, $jurisdictions: [ID!]!) {
  compareProcedures(topic: $topic, jurisdictions: $jurisdictions) {
    topic at divergentCount
    jurisdictions { code name }
    missing { code name }
    rows {
      divergent
      dimension { key label unit valueType }
      cells { jurisdiction { code } value { display } procedure { id title version effectiveFrom } }
    }
  }
}`;

export const TRAINING_REPORT = `query Report($agency: ID!) {
  trainingReport(agency: $agency) {
    asOf
    totals { assigned notStarted inProgress completed overdue completionRate }
    byTier { tier counts { assigned completed overdue completionRate } }
    overdueMembers { id displayName }
    overdueMembersWithheld
  }
}`;

export const SWOT_MATRIX = `query Swot($topic: Topic) {
  swotMatrix(topic: $topic) {
    itemCount totalWeight
    quadrants { quadrant count weight }
  }
}`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'compare27',
    label: 'compareProcedures(MONITORING) across the 27 member states',
    query: COMPARE,
    variables: { topic: 'MONITORING', jurisdictions: MEMBER_STATES },
    check: (data) => {
      const c = data?.compareProcedures;
      if (!c) return 'no comparison';
      if (c.jurisdictions.length !== 27) return `${c.jurisdictions.length} jurisdictions instead of 27`;
      return c.missing.length ? `missing: ${c.missing.map((m: any) => m.code).join(', ')}` : null;
    },
  },
  {
    name: 'searchCommon',
    label: 'search "police" (a word in nearly every document), 20 hits, facets',
    query: SEARCH,
    variables: { query: 'police' },
    check: searchCheck,
  },
  {
    name: 'searchRare',
    label: 'search "kalomi" (a rare word), 20 hits, facets',
    query: SEARCH,
    variables: { query: 'kalomi' },
    check: searchCheck,
  },
  {
    name: 'proceduresFanOut',
    label: 'procedures(first: 50) with jurisdiction, agency and legal basis',
    query: `query Procedures($first: Int!) {
  procedures(first: $first) {
    totalCount
    nodes {
      id title version topic status effectiveFrom
      jurisdiction { code name }
      agency { id name }
      legalBasis { id reference heading }
    }
  }
}`,
    variables: { first: 50 },
    check: (data) => {
      const n = data?.procedures?.nodes?.length ?? 0;
      return n === 50 ? null : `${n} procedures instead of 50`;
    },
  },
  {
    name: 'proceduresPage',
    label: 'procedures(first: 20), own fields only (one subgraph: the gateway\'s overhead alone)',
    query: `query ProceduresPage($first: Int!) {
  procedures(first: $first) {
    totalCount
    nodes { id title version topic status effectiveFrom }
  }
}`,
    variables: { first: 20 },
    check: (data) => {
      const n = data?.procedures?.nodes?.length ?? 0;
      return n === 20 ? null : `${n} procedures instead of 20`;
    },
  },
  {
    name: 'trainingReport',
    label: `trainingReport(agency: ${LARGEST_AGENCY}), the largest agency`,
    query: TRAINING_REPORT,
    variables: { agency: LARGEST_AGENCY },
    check: (data) => ((data?.trainingReport?.totals?.assigned ?? 0) > 0 ? null : 'no assignments counted'),
  },
  {
    name: 'swotMatrix',
    label: 'swotMatrix across all workshops',
    query: SWOT_MATRIX,
    variables: {},
    check: (data) => ((data?.swotMatrix?.itemCount ?? 0) > 0 ? null : 'no SWOT items counted'),
  },
];

export interface DirectOperation {
  subgraph: string;
  /** Fetches in the gateway's query plan: with one, the direct operation is the whole operation. */
  fetches: number;
  query: string;
  variables: Record<string, unknown>;
}

function countFetches(node: PlanNode | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case 'Fetch':
      return 1;
    case 'Sequence':
    case 'Parallel':
      return node.nodes.reduce((n, child) => n + countFetches(child), 0);
    case 'Flatten':
      return countFetches(node.node);
    default:
      // Conditions, deferred parts, subscriptions: not in the benchmark's operations; counted as more than one fetch.
      return 2;
  }
}

function firstFetch(node: PlanNode | undefined): FetchNode | null {
  if (!node) return null;
  switch (node.kind) {
    case 'Fetch':
      return node.requires ? null : node;
    case 'Sequence':
      return firstFetch(node.nodes[0]);
    case 'Parallel':
      for (const n of node.nodes) {
        const f = firstFetch(n);
        if (f) return f;
      }
      return null;
    default:
      return null;
  }
}

/**
 * The fetch the gateway sends to the scenario's root subgraph, from the gateway's own query planner: the same
 * selection minus what other subgraphs resolve (their entities reduced to key fields and the fields they require).
 */
export function directOperations(supergraphSdl: string, scenarios: Scenario[]): Map<string, DirectOperation> {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const apiSchema = supergraph.apiSchema();
  const result = new Map<string, DirectOperation>();
  for (const s of scenarios) {
    const operation = operationFromDocument(apiSchema, parse(s.query));
    const plan = planner.buildQueryPlan(operation);
    const node = plan.node?.kind === 'Subscription' ? undefined : plan.node;
    const root = firstFetch(node);
    if (!root) throw new Error(`No root fetch in the query plan of ${s.name}`);
    const variables = Object.fromEntries((root.variableUsages ?? []).map((v) => [v, s.variables[v]]));
    result.set(s.name, { subgraph: root.serviceName, fetches: countFetches(node), query: root.operation, variables });
  }
  return result;
}
