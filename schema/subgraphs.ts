/** The subgraphs composed into the supergraph, in port order (gateway PORT + 1, + 2, ...). */
export interface SubgraphEntry {
  name: string;
  /** SDL path relative to the repository root. */
  sdl: string;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'directory', sdl: 'subgraphs/directory/schema.graphql' },
  { name: 'procedures', sdl: 'subgraphs/procedures/schema.graphql' },
  { name: 'legal', sdl: 'subgraphs/legal/schema.graphql' },
  { name: 'training', sdl: 'subgraphs/training/schema.graphql' },
  { name: 'workshops', sdl: 'subgraphs/workshops/schema.graphql' },
  { name: 'search', sdl: 'subgraphs/search/schema.graphql' },
  { name: 'audit', sdl: 'subgraphs/audit/schema.graphql' },
  { name: 'notifications', sdl: 'subgraphs/notifications/schema.graphql' },
];

export const DEFAULT_GATEWAY_PORT = 4000;

/** Where a subgraph listens by default: the ports after the gateway's, in list order. */
export function defaultSubgraphPort(name: string, gatewayPort = DEFAULT_GATEWAY_PORT): number {
  const i = SUBGRAPHS.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`Unknown subgraph ${name}`);
  return gatewayPort + 1 + i;
}
