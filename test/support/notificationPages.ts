import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { proceduresSeed } from '../../seeds/procedures.ts';
import type { TestPlatform } from './platform.ts';

// What the console's notification tests share: calls to the API as a member, a new published version, and the bell.

/** The title a seeded procedure is published under. */
export const seededTitle = (id: string) =>
  [...proceduresSeed.procedures.find((p) => p.id === id)!.versions].reverse().find((v) => v.status !== 'DRAFT')!.title;

export async function apiAs<T = any>(platform: TestPlatform, query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const r = await platform.query<T>(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

export const unreadOf = async (platform: TestPlatform, who: string) =>
  (await apiAs<{ me: { unreadCount: number } }>(platform, '{ me { unreadCount } }', {}, who)).me.unreadCount;

/** Publishes a new version of one of demo-manager-de's agency's procedures with these changes; returns its number. */
export async function publishNewVersion(platform: TestPlatform, id: string, input: Record<string, unknown>): Promise<number> {
  const { procedure } = await apiAs(platform, `query($id: ID!) { procedure(id: $id) { history { version } } }`, { id }, 'demo-manager-de');
  const current = Math.max(...procedure.history.map((v: { version: number }) => v.version));
  const { updateProcedure } = await apiAs(platform, `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) {
    updateProcedure(id: $id, expectedVersion: $v, input: $input) { version } }`, { id, v: current, input }, 'demo-manager-de');
  await apiAs(platform, `mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { version } }`,
    { id, v: updateProcedure.version }, 'demo-manager-de');
  return updateProcedure.version;
}

/** The header's bell and the unread count it announces ("Notifications, 2 unread"; none is 0). */
export const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications, / });
export async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).textContent()) ?? '';
  if (/none unread/.test(name)) return 0;
  const m = /Notifications, (\d+) unread/.exec(name);
  return m ? Number(m[1]) : Number.NaN;
}

/** What the browser does when the member comes back to the window. */
export const regainFocus = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));
