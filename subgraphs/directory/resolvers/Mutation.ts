import { randomUUID } from 'node:crypto';
import { badInput, conflict, forbidden, notFound, parseInput } from '../../../lib/errors.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { emitEvents } from '../../../lib/outbox.ts';
import type { MemberRow } from '../entities.ts';
import { createAgencyInput, inviteMemberInput, updateMemberInput } from '../inputs.ts';
import { assertMayChangeMember, assertMayInvite } from '../roleChanges.ts';
import { orgKindFor } from '../views.ts';
import { onUnique, writeMember } from '../writes.ts';
import type { MutationResolvers } from './types.generated.ts';

// What a write returns is the row it has just written.
export const Mutation: MutationResolvers = {
  createAgency: async (_, args, ctx) => {
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
    return expectRow(await ctx.loaders.agency.load(id), id);
  },

  inviteMember: async (_, args, ctx) => {
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
    return expectRow(await ctx.loaders.member.load(member.id), member.id);
  },

  updateMember: async (_, args, ctx) => {
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
    return expectRow(await ctx.loaders.member.load(args.id), args.id);
  },
};
