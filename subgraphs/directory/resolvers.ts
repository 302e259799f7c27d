import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { boundedText, idInput } from '../../lib/inputSchemas.ts';
import type { EntityManager } from 'typeorm';
import { canSee, hasRole, ORG_KINDS, reaches } from '../../lib/access.ts';
import type { OrgKind, Role, Tier, Viewer } from '../../lib/access.ts';
import type { SubgraphContext } from '../../lib/context.ts';
import { isUniqueViolation } from '../../lib/database.ts';
import { badInput, conflict, forbidden, notFound, parseInput } from '../../lib/errors.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { upsertPrincipals } from '../../lib/principals.ts';
import type { AgencyRow, JurisdictionRow, MemberRow } from './entities.ts';
import type { DirectoryLoaders } from './loaders.ts';
import { assertMayChangeMember, assertMayInvite } from './roleChanges.ts';

type Ctx = SubgraphContext<DirectoryLoaders>;

// Members are personal data: visible to signed-in members; inactive ones to admins only.
const memberVisible = (v: Viewer, m: MemberRow) => canSee(v, { visibility: 'MEMBERS' }) && (m.active || hasRole(v, 'ADMIN'));

const ORG_OF_KIND: Record<string, OrgKind> = {
  PLATFORM_PARTNER: 'PARTNER',
  ACADEMIA: 'ACADEMIA',
  PUBLIC_AUTHORITY: 'PUBLIC_AUTHORITY',
};
const orgKindFor = (kind: string): OrgKind => ORG_OF_KIND[kind] ?? 'LEA';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lowercase letters, digits or hyphens');
const text = (max: number) => boundedText(2, max);
const roles = z.array(z.enum(['EDITOR', 'TRAINER', 'REVIEWER', 'ADMIN', 'AUDITOR'])).max(5)
  .refine((r) => new Set(r).size === r.length, 'must not repeat a role');

const createAgencyInput = z.object({
  id: slug.nullish(),
  name: text(200),
  acronym: boundedText(1, 20).nullish(),
  kind: z.string(),
  orgKind: z.enum(ORG_KINDS),
  jurisdiction: idInput.pipe(z.string().min(2).max(20)),
});
const inviteMemberInput = z.object({
  id: slug.nullish(),
  displayName: text(120),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  agency: idInput.pipe(z.string().max(64)),
  tier: z.enum(['PRACTITIONER', 'MANAGER']).nullish(),
  roles: roles.nullish(),
});
const updateMemberInput = z.object({
  displayName: text(120).optional(),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
  agency: idInput.pipe(z.string().max(64)).optional(),
  tier: z.enum(['PRACTITIONER', 'MANAGER']).nullable().optional(),
  roles: roles.optional(),
  active: z.boolean().optional(),
}).refine((i) => Object.values(i).some((v) => v !== undefined), 'give at least one field to change');

type PlacedAgency = AgencyRow & { jurisdictionPath: string[]; agencyPath: string[] };

async function agencyIn(tx: EntityManager, id: string): Promise<PlacedAgency> {
  const rows: { id: string; org_kind: string; jurisdiction_code: string; path: string[]; agency_path: string[] }[] = await tx.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM directory.agencies WHERE id = $1
       UNION ALL SELECT a.id, a.parent_id, up.depth + 1 FROM directory.agencies a JOIN up ON a.id = up.parent_id WHERE up.depth < 10)
     SELECT a.id, a.org_kind, a.jurisdiction_code, j.path, (SELECT array_agg(up.id ORDER BY up.depth) FROM up) AS agency_path
     FROM directory.agencies a JOIN directory.jurisdictions j ON j.code = a.jurisdiction_code WHERE a.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw badInput(`Unknown agency "${id}".`);
  return { id: r.id, orgKind: r.org_kind, jurisdictionCode: r.jurisdiction_code, jurisdictionPath: r.path, agencyPath: r.agency_path } as PlacedAgency;
}

function checkTier(orgKind: string, tier: Tier | null | undefined) {
  if (orgKind === 'LEA' && !tier) throw badInput('tier is required for members of a law-enforcement agency.');
  if (orgKind !== 'LEA' && tier) throw badInput('tier applies only to members of a law-enforcement agency.');
}

async function writeMember(tx: EntityManager, m: MemberRow, event: string) {
  const agency = await agencyIn(tx, m.agencyId);
  checkTier(agency.orgKind, m.tier as Tier | null);
  await tx.query(
    `INSERT INTO directory.members (id, display_name, email, agency_id, tier, roles, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET display_name = $2, email = $3, agency_id = $4, tier = $5, roles = $6, active = $7, updated_at = now()`,
    [m.id, m.displayName, m.email, m.agencyId, m.tier, m.roles, m.active]);
  await upsertPrincipals(tx, [{
    memberId: m.id,
    agencyId: agency.id,
    jurisdiction: agency.jurisdictionCode,
    jurisdictionPath: agency.jurisdictionPath,
    agencyPath: agency.agencyPath,
    orgKind: agency.orgKind as OrgKind,
    tier: m.tier as Tier | null,
    roles: m.roles as Role[],
    active: m.active,
  }]);
  await emitEvents(tx, 'directory', [{ entityType: 'Member', entityId: m.id, event, payload: { agency: m.agencyId } }]);
}

const onUnique = (message: string) => (err: unknown) => {
  if (isUniqueViolation(err)) throw conflict(message);
  throw err;
};

export const resolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: Ctx) =>
      ctx.viewer.memberId ? ctx.loaders.member.load(ctx.viewer.memberId) : null,
    jurisdictions: async (_: unknown, args: { level?: string | null }, ctx: Ctx) => {
      const repo = ctx.db.getRepository<JurisdictionRow>('Jurisdiction');
      return repo.find({ where: args.level ? { level: args.level } : {}, order: { code: 'ASC' } });
    },
    jurisdiction: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.loaders.jurisdiction.load(args.code),
    agencies: async (_: unknown, args: { jurisdiction?: string | null; kind?: string | null }, ctx: Ctx) => {
      const where: Record<string, string> = {};
      if (args.jurisdiction) where.jurisdictionCode = args.jurisdiction;
      if (args.kind) where.kind = args.kind;
      return ctx.db.getRepository<AgencyRow>('Agency').find({ where, order: { name: 'ASC' } });
    },
    agency: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.agency.load(args.id),
    member: async (_: unknown, args: { id: string }, ctx: Ctx) => {
      const m = await ctx.loaders.member.load(args.id);
      return m && memberVisible(ctx.viewer, m) ? m : null;
    },
  },

  Mutation: {
    createAgency: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const input = parseInput(createAgencyInput, args.input);
      if (orgKindFor(input.kind) !== input.orgKind) {
        throw badInput(`An agency of kind ${input.kind} must have orgKind ${orgKindFor(input.kind)}.`);
      }
      const id = input.id ?? randomUUID();
      await ctx.db.transaction(async (tx) => {
        const j = await tx.query('SELECT 1 FROM directory.jurisdictions WHERE code = $1', [input.jurisdiction]);
        if (j.length === 0) throw badInput(`Unknown jurisdiction "${input.jurisdiction}".`);
        await tx.query(
          `INSERT INTO directory.agencies (id, name, acronym, kind, org_kind, jurisdiction_code) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, input.name, input.acronym ?? null, input.kind, input.orgKind, input.jurisdiction]);
        await emitEvents(tx, 'directory', [{ entityType: 'Agency', entityId: id, event: 'agency.created' }]);
      }).catch(onUnique('An agency with this id or name already exists.'));
      ctx.loaders.agency.clear(id);
      return ctx.loaders.agency.load(id);
    },

    inviteMember: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const input = parseInput(inviteMemberInput, args.input);
      assertMayInvite(ctx.viewer, input.roles ?? []);
      const member: MemberRow = {
        id: input.id ?? randomUUID(),
        displayName: input.displayName,
        email: input.email,
        agencyId: input.agency,
        tier: input.tier ?? null,
        roles: input.roles ?? [],
        active: true,
        createdAt: new Date(),
        updatedAt: new Date(),
      };
      await ctx.db.transaction(async (tx) => {
        const existing = await tx.query('SELECT 1 FROM directory.members WHERE id = $1', [member.id]);
        if (existing.length) throw conflict(`A member with id "${member.id}" already exists.`);
        await writeMember(tx, member, 'member.invited');
      }).catch(onUnique('A member with this email already exists.'));
      return ctx.loaders.member.load(member.id);
    },

    updateMember: async (_: unknown, args: { id: string; input: unknown }, ctx: Ctx) => {
      const input = parseInput(updateMemberInput, args.input);
      await ctx.db.transaction(async (tx) => {
        const current = await tx.getRepository<MemberRow>('Member').findOneBy({ id: args.id });
        if (!current) throw notFound(`Member "${args.id}"`);
        if (args.id === ctx.viewer.memberId && (input.active === false || (input.roles && !input.roles.includes('ADMIN')))) {
          throw forbidden('Administrators cannot deactivate themselves or drop their own ADMIN role.');
        }
        const next: MemberRow = {
          ...current,
          displayName: input.displayName ?? current.displayName,
          email: input.email ?? current.email,
          agencyId: input.agency ?? current.agencyId,
          tier: input.tier === undefined ? current.tier : input.tier,
          roles: input.roles ?? current.roles,
          active: input.active ?? current.active,
        };
        assertMayChangeMember(ctx.viewer, current, next);
        await writeMember(tx, next, 'member.updated');
      }).catch(onUnique('A member with this email already exists.'));
      ctx.loaders.member.clear(args.id);
      return ctx.loaders.member.load(args.id);
    },
  },

  Jurisdiction: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.jurisdiction.load(ref.code),
    parent: (j: JurisdictionRow, _: unknown, ctx: Ctx) => (j.parentCode ? ctx.loaders.jurisdiction.load(j.parentCode) : null),
    children: (j: JurisdictionRow, _: unknown, ctx: Ctx) => ctx.loaders.childJurisdictions.load(j.code),
    agencies: (j: JurisdictionRow, _: unknown, ctx: Ctx) => ctx.loaders.agenciesOfJurisdiction.load(j.code),
  },

  Agency: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.agency.load(ref.id),
    jurisdiction: (a: AgencyRow, _: unknown, ctx: Ctx) => ctx.loaders.jurisdiction.load(a.jurisdictionCode),
    members: async (a: AgencyRow, _: unknown, ctx: Ctx) =>
      canSee(ctx.viewer, { visibility: 'MEMBERS' }) ? ctx.loaders.membersOfAgency.load(a.id) : [],
  },

  Member: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      const m = await ctx.loaders.member.load(ref.id);
      return m && memberVisible(ctx.viewer, m) ? m : null;
    },
    agency: (m: MemberRow, _: unknown, ctx: Ctx) => ctx.loaders.agency.load(m.agencyId),
    email: (m: MemberRow, _: unknown, ctx: Ctx) => {
      if (m.id === ctx.viewer.memberId || reaches(ctx.viewer, 'LEA')) return m.email;
      throw forbidden('Email addresses are visible to law-enforcement staff only.');
    },
  },
};
