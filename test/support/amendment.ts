import type { GraphQLResponse, TestPlatform } from './platform.ts';

/** Amends a legal provision as demo-reviewer, on top of its current version: the legal subgraph emits provision.amended. */
export async function amendProvisionAsReviewer(platform: TestPlatform, provisionId: string): Promise<GraphQLResponse<unknown>> {
  const current = await platform.query<{ legalProvision: { version: number } }>(
    'query($id: ID!) { legalProvision(id: $id) { version } }', { id: provisionId }, 'demo-reviewer',
  );
  return platform.query(
    `mutation($id: ID!, $v: Int!) { amendProvision(id: $id, expectedVersion: $v, input: {
       text: "Logs are kept for processing operations in automated systems, including collection, alteration, consultation, disclosure, combination and erasure (illustrative amendment).",
       changeNote: "Clarified the list of logged operations" }) { version } }`,
    { id: provisionId, v: current.data!.legalProvision.version }, 'demo-reviewer',
  );
}
