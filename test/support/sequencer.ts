import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The files that take longest, started first, so that a run never ends waiting on one that began late. Vitest orders by
 * the durations of earlier runs, and without them (a clean clone) by file size, which puts the slowest files near the end.
 */
const LONGEST = [
  'test/start.test.ts', 'test/mutations.property.test.ts', 'test/web.compare.test.ts', 'test/web.search.test.ts',
  'test/web.procedureEdit.test.ts', 'test/web.procedure.test.ts', 'test/web.home.test.ts', 'test/accessMatrix.test.ts',
  'test/search.indexer.test.ts', 'test/links.supergraph.test.ts', 'test/web.oidc.test.ts', 'test/gate.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
      return i === -1 ? LONGEST.length : i;
    };
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    return sorted.sort((a, b) => group(a) - group(b) || rank(a) - rank(b) || position.get(a)! - position.get(b)!);
  }
}
