import { describe, expect, it } from 'vitest';
import { generate, staleFiles } from '../scripts/resolverTypes.ts';

// The committed resolver types must be what the generator writes from today's schemas (as CI's
// `npm run codegen:resolvers -- --check` says too): a schema changed without them would type resolvers against the old one.
describe('generated resolver types', () => {
  it('are current: run `npm run codegen:resolvers` and commit the result when this fails', async () => {
    expect(staleFiles(await generate())).toEqual([]);
  });
});
