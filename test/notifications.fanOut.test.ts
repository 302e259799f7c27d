import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../scripts/platform.ts';
import { fanOut } from './support/fanOut.ts';
import { freshDatabases } from './support/platform.ts';

// A procedure coming into force in a jurisdiction and topic followed by 10,000 members: their notifications are made in
// as many statements as for ten, within seconds (the timing itself is measured by `npm run bench`).

let databases: Databases;
beforeAll(async () => {
  databases = await freshDatabases({ seeded: true });
});
afterAll(async () => {
  await databases?.close();
});

describe('notifying many followers', () => {
  it('makes one notification per follower with the same number of statements for 10 and for 10,000 followers', async () => {
    const few = await fanOut(databases, 10, 'few-');
    const many = await fanOut(databases, 10_000, 'many-');
    expect(few.made).toBe(10);
    expect(many.made).toBe(10_000);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(12);
    expect(many.ms).toBeLessThan(20_000);
  }, 60_000);
});
