import { hasRole } from '../../../lib/access.ts';
import { backdatingReason } from '../../../lib/backdating.ts';
import { badInput, notFound, parseInput, conflict, forbidden } from '../../../lib/errors.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import { today } from '../../../lib/scalars.ts';
import { appendProvisionVersion, emitLegalEvents, frameworkTarget, lockFramework, lockProvision, provisionTarget, lockContribution } from '../writes.ts';
import { frameworkId } from '../newIds.ts';
import { createProvision } from '../newProvision.ts';
import { applyPositions } from '../positions.ts';
import { recordDirectChange, assertNoConflictOfInterest } from '../reviewerConflicts.ts';
import { expectRow } from '../../../lib/loaders.ts';
import type { Ctx } from './context.ts';
import type { MutationResolvers } from './types.generated.ts';
import { addProvisionInput, amendProvisionInput, createFrameworkInput, decisionReasonInput, heading, languages, reference, restrictedTo, submitInput, text, topics, updateFrameworkInput, visibility } from '../inputs.ts';
import { contributionEvent, insertContribution, recordDecision } from '../contributionRecords.ts';

function checkDates(f: { adoptedOn?: string | null; inForceFrom?: string | null; repealedOn?: string | null }) {
  if (f.inForceFrom && f.repealedOn && f.repealedOn <= f.inForceFrom) throw badInput('repealedOn must be after inForceFrom.');
  if (f.adoptedOn && f.inForceFrom && f.inForceFrom < f.adoptedOn) throw badInput('inForceFrom must not be before adoptedOn.');
}

async function dimensionMap(ctx: Ctx) {
  return new Map((await ctx.loaders.allDimensions()).map((d) => [d.key, d]));
}

// What a write returns is what it has just written, which the viewer sees (the write checked it would).
const reloadFramework = async (ctx: Ctx, id: string) => expectRow(await reloadAfterWrite(id, ctx.loaders.framework), id);
const reloadProvision = async (ctx: Ctx, id: string) => expectRow(await reloadAfterWrite(id, ctx.loaders.provisionsAt(null).provision), id);

const reload = async (ctx: Ctx, id: string) => expectRow(await reloadAfterWrite(id, ctx.loaders.contribution), id);

export const Mutation: MutationResolvers = {
  createLegalFramework: async (_, args, ctx) => {
    const input = parseInput(createFrameworkInput, args.input);
    checkDates(input);
    frameworkTarget.expectReadable(ctx.viewer, { visibility: input.visibility, restrictedTo: input.restrictedTo ?? [] });
    if (input.transposes) {
      const directive = await ctx.loaders.framework.load(input.transposes);
      if (!directive) throw notFound(`Legal framework "${input.transposes}"`);
      if (directive.kind !== 'DIRECTIVE') throw badInput(`transposes must name a directive; "${input.transposes}" is a ${directive.kind}.`);
    }
    const id = frameworkId(input.jurisdiction, input.kind);
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO legal.frameworks (id, jurisdiction_code, title, short_title, kind, celex, eli, identifier, adopted_on, in_force_from,
           repealed_on, languages, summary, topics, transposes, visibility, restricted_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [id, input.jurisdiction, input.title, input.shortTitle, input.kind, input.celex ?? null, input.eli ?? null,
          input.identifier ?? null, input.adoptedOn ?? null, input.inForceFrom ?? null, input.repealedOn ?? null, input.languages,
          input.summary, input.topics, input.transposes ?? null, input.visibility, input.restrictedTo ?? []]);
      await emitLegalEvents(tx, [{ entityType: 'LegalFramework', entityId: id, event: 'framework.created', payload: { jurisdiction: input.jurisdiction } }]);
    });
    return reloadFramework(ctx, id);
  },

  updateLegalFramework: async (_, args, ctx) => {
    const input = parseInput(updateFrameworkInput, args.input);
    await ctx.db.transaction(async (tx) => {
      const current = await lockFramework(tx, ctx.viewer, args.id);
      const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      checkDates(next);
      frameworkTarget.expectReadable(ctx.viewer, next);
      await tx.query(
        `UPDATE legal.frameworks SET title = $2, short_title = $3, eli = $4, celex = $5, identifier = $6, adopted_on = $7, in_force_from = $8,
           repealed_on = $9, languages = $10, summary = $11, topics = $12, visibility = $13, restricted_to = $14, updated_at = now()
         WHERE id = $1`,
        [args.id, next.title, next.shortTitle, next.eli, next.celex, next.identifier, next.adoptedOn, next.inForceFrom, next.repealedOn,
          next.languages, next.summary, next.topics, next.visibility, next.restrictedTo ?? []]);
      await emitLegalEvents(tx, [{ entityType: 'LegalFramework', entityId: args.id, event: 'framework.updated', payload: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) } }]);
    });
    return reloadFramework(ctx, args.id);
  },

  addProvision: async (_, args, ctx) => {
    const input = parseInput(addProvisionInput, args.input);
    provisionTarget.expectReadable(ctx.viewer, { visibility: input.visibility, restrictedTo: input.restrictedTo ?? [] });
    const dimensionValues = applyPositions({}, input.positions ?? [], await dimensionMap(ctx));
    const validFrom = input.validFrom ?? today();
    const backdating = backdatingReason(ctx.viewer, 'validFrom', validFrom, input.reason);
    const guard = { visibility: input.visibility, restrictedTo: input.restrictedTo ?? [] };
    const { id } = await ctx.db.transaction(async (tx) => {
      const framework = await lockFramework(tx, ctx.viewer, args.framework);
      const create = async (contributionId: string | null) => ({
        id: await createProvision(tx, ctx.viewer, framework, { reference: input.reference, ...guard }, {
          heading: input.heading, text: input.text, topics: input.topics ?? [], dimensionValues, validFrom, changeNote: null,
          proposedBy: contributionId ? ctx.viewer.memberId : null, acceptedBy: ctx.viewer.memberId, contributionId, backdatingReason: backdating,
        }),
        version: 1,
      });
      if (hasRole(ctx.viewer, 'ADMIN')) return create(null);
      return recordDirectChange(tx, ctx.viewer, { framework, provision: { id: null, ...guard } }, {
        kind: 'NEW_PROVISION', proposedReference: input.reference, proposedHeading: input.heading, proposedText: input.text,
        rationale: 'Added directly by a reviewer.',
      }, create);
    });
    return reloadProvision(ctx, id);
  },

  amendProvision: async (_, args, ctx) => {
    const input = parseInput(amendProvisionInput, args.input);
    const dims = await dimensionMap(ctx);
    const validFrom = input.validFrom ?? today();
    const backdating = backdatingReason(ctx.viewer, 'validFrom', validFrom, input.reason);
    await ctx.db.transaction(async (tx) => {
      const latest = await lockProvision(tx, ctx.viewer, args.id);
      provisionTarget.expectVersion(latest.version, args.expectedVersion);
      const heading = input.heading ?? latest.heading;
      const text = input.text ?? latest.text;
      const append = async (contributionId: string | null) => ({
        id: latest.id,
        version: await appendProvisionVersion(tx, latest, {
          heading,
          text,
          topics: input.topics ?? latest.topics,
          dimensionValues: applyPositions(latest.dimensionValues, input.positions ?? [], dims),
          validFrom,
          changeNote: input.changeNote,
          proposedBy: contributionId ? ctx.viewer.memberId : null,
          acceptedBy: ctx.viewer.memberId,
          contributionId,
          backdatingReason: backdating,
        }),
      });
      if (hasRole(ctx.viewer, 'ADMIN')) await append(null);
      else {
        const framework = { id: latest.frameworkId, visibility: latest.frameworkVisibility, restrictedTo: latest.frameworkRestrictedTo };
        await recordDirectChange(tx, ctx.viewer, { framework, provision: latest }, {
          kind: 'AMENDMENT', proposedHeading: heading, proposedText: text, rationale: input.changeNote,
        }, append);
      }
    });
    return reloadProvision(ctx, args.id);
  },

  submitContribution: async (_, args, ctx) => {
    const input = parseInput(submitInput, args.input);
    const v = ctx.viewer;
    const id = await ctx.db.transaction(async (tx) => {
      const provision = await lockProvision(tx, v, input.target).catch(() => null);
      const framework = await lockFramework(tx, v, provision?.frameworkId ?? input.target);
      if (input.kind === 'AMENDMENT' && !provision) throw badInput('An AMENDMENT targets a provision: give a provision id as target.');
      if (input.kind === 'NEW_PROVISION') {
        if (provision) throw badInput('A NEW_PROVISION targets a framework: give a framework id as target.');
        if (!input.proposedReference || !input.proposedHeading) throw badInput('A NEW_PROVISION needs proposedReference and proposedHeading.');
      }
      const id = await insertContribution(tx, v, { framework, provision }, input);
      await emitLegalEvents(tx, [contributionEvent({ id, kind: input.kind, targetFrameworkId: framework.id }, 'contribution.submitted')]);
      return id;
    });
    return reload(ctx, id);
  },

  withdrawContribution: async (_, args, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const c = await lockContribution(tx, ctx.viewer, args.id);
      if (c.authorId !== ctx.viewer.memberId) throw forbidden('Only its author may withdraw a contribution.');
      if (c.status !== 'SUBMITTED' && c.status !== 'UNDER_REVIEW') throw conflict(`A contribution that is ${c.status} cannot be withdrawn.`);
      await tx.query(`UPDATE legal.contributions SET status = 'WITHDRAWN', withdrawn_at = now() WHERE id = $1`, [c.id]);
      await emitLegalEvents(tx, [contributionEvent(c, 'contribution.withdrawn')]);
    });
    return reload(ctx, args.id);
  },

  startReview: async (_, args, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const c = await lockContribution(tx, ctx.viewer, args.id);
      await assertNoConflictOfInterest(tx, ctx.viewer, c);
      if (c.status !== 'SUBMITTED') throw conflict(`Only a SUBMITTED contribution can go under review; this one is ${c.status}.`);
      await tx.query(`UPDATE legal.contributions SET status = 'UNDER_REVIEW', reviewer_id = $2, review_started_at = now() WHERE id = $1`,
        [c.id, ctx.viewer.memberId]);
      await emitLegalEvents(tx, [contributionEvent(c, 'contribution.review_started', { reviewer: ctx.viewer.memberId })]);
    });
    return reload(ctx, args.id);
  },

  decideContribution: async (_, args, ctx) => {
    const reason = parseInput(decisionReasonInput, args.reason) ?? null;
    if (args.decision === 'REJECT' && !reason) throw badInput('Give a reason to reject a contribution.');
    const reviewer = ctx.viewer.memberId;
    await ctx.db.transaction(async (tx) => {
      const c = await lockContribution(tx, ctx.viewer, args.id);
      await assertNoConflictOfInterest(tx, ctx.viewer, c);
      if (c.status === 'WITHDRAWN') throw conflict('A withdrawn contribution cannot be decided.');
      if (c.status !== 'UNDER_REVIEW') throw conflict(`Start the review first: this contribution is ${c.status}.`);
      let resulting: { id: string; version: number } | null = null;
      if (args.decision === 'ACCEPT' && c.kind === 'AMENDMENT') {
        const latest = await lockProvision(tx, ctx.viewer, c.targetProvisionId!);
        const validFrom = latest.validFrom > today() ? latest.validFrom : today();
        const version = await appendProvisionVersion(tx, latest, {
          heading: c.proposedHeading ?? latest.heading, text: c.proposedText, topics: latest.topics, dimensionValues: latest.dimensionValues,
          validFrom, changeNote: `Accepted contribution ${c.id}`, proposedBy: c.authorId, acceptedBy: reviewer, contributionId: c.id,
        });
        resulting = { id: latest.id, version };
      } else if (args.decision === 'ACCEPT' && c.kind === 'NEW_PROVISION') {
        const framework = await lockFramework(tx, ctx.viewer, c.targetFrameworkId);
        const id = await createProvision(tx, ctx.viewer, framework, { reference: c.proposedReference!, visibility: c.visibility, restrictedTo: c.restrictedTo }, {
          heading: c.proposedHeading!, text: c.proposedText, topics: [], dimensionValues: {}, validFrom: today(),
          changeNote: `Accepted contribution ${c.id}`, proposedBy: c.authorId, acceptedBy: reviewer, contributionId: c.id,
        });
        resulting = { id, version: 1 };
      }
      await recordDecision(tx, c, { status: args.decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED', reviewer, reason, resulting });
    });
    return reload(ctx, args.id);
  },
};

