import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, defaultSubgraphPort } from './subgraphs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SUPERGRAPH_PATH = `${root}schema/supergraph.graphql`;

/** Composes the subgraphs' SDL files into the supergraph SDL (routing URLs are the local defaults). */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://localhost:${defaultSubgraphPort(s.name)}/graphql`,
      typeDefs: parse(readFileSync(`${root}${s.sdl}`, 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  try {
    const sdl = composeSupergraph();
    if (check) {
      let committed = '';
      try {
        committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
      } catch {
        committed = '';
      }
      if (committed !== sdl) {
        console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
        process.exit(1);
      }
      console.log('schema/supergraph.graphql is up to date.');
    } else {
      writeFileSync(SUPERGRAPH_PATH, sdl);
      console.log(`Wrote ${SUPERGRAPH_PATH} (${SUBGRAPHS.length} subgraphs).`);
    }
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
