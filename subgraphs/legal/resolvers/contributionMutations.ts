import { z } from 'zod';
import { badInput, conflict, forbidden, parseInput } from '../../../lib/errors.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import { today } from '../../../lib/scalars.ts';
import { contributionEvent, insertContribution, recordDecision } from '../contributionRecords.ts';
import { appendProvisionVersion, emitLegalEvents, lockContribution, lockFramework, lockProvision } from '../writes.ts';
import { createProvision } from '../newProvision.ts';
import { assertNoConflictOfInterest } from '../reviewerConflicts.ts';
import type { Ctx } from './context.ts';
import { heading, idInput, provisionText, reference, text, visibility } from '../inputs.ts';

const submitInput = z.object({
  kind: z.enum(['COMMENT', 'AMENDMENT', 'NEW_PROVISION', 'INTERPRETATION_NOTE']),
  target: idInput,
  proposedReference: reference.nullish(),
  proposedHeading: heading.nullish(),
  proposedText: provisionText,
  rationale: text(10, 5_000),
  visibility: visibility.nullish(),
});
const reasonInput = text(3, 2_000).nullish();

const reload = (ctx: Ctx, id: string) => reloadAfterWrite(id, ctx.loaders.contribution);

export const contributionMutations = {
  submitContribution: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
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

  withdrawContribution: async (_: unknown, args: { id: string }, ctx: Ctx) => {
    await ctx.db.transaction(async (tx) => {
      const c = await lockContribution(tx, ctx.viewer, args.id);
      if (c.authorId !== ctx.viewer.memberId) throw forbidden('Only its author may withdraw a contribution.');
      if (c.status !== 'SUBMITTED' && c.status !== 'UNDER_REVIEW') throw conflict(`A contribution that is ${c.status} cannot be withdrawn.`);
      await tx.query(`UPDATE legal.contributions SET status = 'WITHDRAWN', withdrawn_at = now() WHERE id = $1`, [c.id]);
      await emitLegalEvents(tx, [contributionEvent(c, 'contribution.withdrawn')]);
    });
    return reload(ctx, args.id);
  },

  startReview: async (_: unknown, args: { id: string }, ctx: Ctx) => {
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

  decideContribution: async (_: unknown, args: { id: string; decision: 'ACCEPT' | 'REJECT'; reason?: string | null }, ctx: Ctx) => {
    const reason = parseInput(reasonInput, args.reason) ?? null;
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
