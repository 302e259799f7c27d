import type { SubgraphDefinition } from '../lib/subgraphServer.ts';
import { SUBGRAPHS } from '../schema/subgraphs.ts';
import { directory } from '../subgraphs/directory/index.ts';
import { legal } from '../subgraphs/legal/index.ts';
import { procedures } from '../subgraphs/procedures/index.ts';
import { training } from '../subgraphs/training/index.ts';
import { workshops } from '../subgraphs/workshops/index.ts';

// The composition root: the only place that knows every subgraph's code.
const DEFINITIONS: Record<string, SubgraphDefinition<unknown>> = {
  directory: directory as SubgraphDefinition<unknown>,
  procedures: procedures as SubgraphDefinition<unknown>,
  legal: legal as SubgraphDefinition<unknown>,
  training: training as SubgraphDefinition<unknown>,
  workshops: workshops as SubgraphDefinition<unknown>,
};

for (const s of SUBGRAPHS) {
  if (!DEFINITIONS[s.name]) throw new Error(`schema/subgraphs.ts lists ${s.name} but scripts/services.ts has no definition for it`);
}

export const definitions = SUBGRAPHS.map((s) => DEFINITIONS[s.name]!);
export const definitionOf = (name: string) => {
  const d = DEFINITIONS[name];
  if (!d) throw new Error(`Unknown subgraph "${name}"`);
  return d;
};
