import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { reaches } from '../../../lib/access.ts';
import { backdatingReason } from '../../../lib/backdating.ts';
import { checkedCitations } from '../../../lib/citations.ts';
import type { CitedKind } from '../../../lib/citations.ts';
import { badInput, forbidden, parseInput } from '../../../lib/errors.ts';
import { today } from '../../../lib/scalars.ts';
import { applyDimensionValues } from '../dimensionValues.ts';
import type { DimensionRow, ProcedureView } from '../views.ts';
import { emitProcedureEvent, insertVersion, lockForWrite, procedureTarget } from '../writes.ts';
import { procedureVisible } from '../views.ts';
import type { Ctx } from './context.ts';
import type { MutationResolvers } from './types.generated.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import { backdatingInput, createInput, dimensionValuesInput, reasonInput, resourcing, step, updateInput } from '../inputs.ts';

const LEGAL_BASIS: CitedKind = { schema: 'legal', type: 'LegalProvision', field: 'legalBasis', noun: 'legal provision' };

const normaliseSteps = (steps: z.infer<typeof step>[] | null | undefined) =>
  (steps ?? []).map((s) => ({ action: s.action, responsibleRole: s.responsibleRole, safeguards: s.safeguards ?? [] }));
const normaliseResourcing = (r: z.infer<typeof resourcing> | null | undefined) =>
  r ? { staff: r.staff ?? null, budgetEur: r.budgetEur ?? null, tooling: r.tooling ?? [] } : null;

// Fields stricter than their procedure are set only by those who may read them, so nobody overwrites what they cannot see.
const STRICTER_FIELDS = [
  { field: 'operationalNotes', tier: 'LEA', refusal: 'Only law-enforcement staff may set operationalNotes.' },
  { field: 'resourcing', tier: 'MANAGEMENT', refusal: 'Only law-enforcement managers may set resourcing.' },
] as const;

function expectSettable(ctx: Ctx, input: { operationalNotes?: unknown; resourcing?: unknown }) {
  const denied = STRICTER_FIELDS.find((f) => input[f.field] !== undefined && !reaches(ctx.viewer, f.tier));
  if (denied) throw forbidden(denied.refusal);
}

async function dimensionMap(ctx: Ctx): Promise<Map<string, DimensionRow>> {
  return new Map((await ctx.loaders.allDimensions()).map((d) => [d.key, d]));
}

/** Builds the next DRAFT version on top of the latest one. */
function nextDraft(latest: ProcedureView, changes: Partial<ProcedureView>, memberId: string | null): ProcedureView {
  return {
    ...latest,
    ...changes,
    version: latest.version + 1,
    latestVersion: latest.version + 1,
    status: 'DRAFT',
    effectiveFrom: null,
    inForceUntil: null,
    publishedAt: null,
    backdatingReason: null,
    createdBy: memberId,
  };
}

const expectReadable = (ctx: Ctx, v: ProcedureView) => procedureTarget.expectReadable(ctx.viewer, v, procedureVisible);

// What a write returns is what it has just written, which the viewer sees (the write checked it would).
const reload = async (ctx: Ctx, id: string) => expectRow(await reloadAfterWrite(id, ctx.loaders.procedure, ctx.loaders.versions), id);

export const Mutation: MutationResolvers = {
  createProcedure: async (_, args, ctx) => {
    const input = parseInput(createInput, args.input);
    expectSettable(ctx, input);
    const v = ctx.viewer;
    const dims = await dimensionMap(ctx);
    const dimensionValues = applyDimensionValues({}, input.dimensionValues ?? [], dims, input.topic);
    const legalBasis = await checkedCitations(ctx.db, v, LEGAL_BASIS, input.legalBasis ?? []);
    const id = `proc-${randomUUID()}`;
    const view: ProcedureView = {
      id,
      agencyId: v.agencyId!,
      jurisdictionCode: v.jurisdiction!,
      topic: input.topic,
      latestVersion: 1,
      publishedVersion: null,
      reviewStatus: 'CURRENT',
      lastVerifiedAt: null,
      version: 1,
      status: 'DRAFT',
      title: input.title,
      summary: input.summary,
      body: input.body,
      tags: input.tags ?? [],
      language: input.language,
      visibility: input.visibility,
      restrictedTo: input.restrictedTo ?? [],
      effectiveFrom: null,
      inForceUntil: null,
      publishedAt: null,
      steps: normaliseSteps(input.steps),
      legalBasis,
      dimensionValues,
      operationalNotes: input.operationalNotes ?? null,
      resourcing: normaliseResourcing(input.resourcing),
      changeNote: null,
      backdatingReason: null,
      createdBy: v.memberId,
    };
    expectReadable(ctx, view);
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO procedures.procedures (id, agency_id, jurisdiction_code, topic, latest_version) VALUES ($1, $2, $3, $4, 1)`,
        [id, view.agencyId, view.jurisdictionCode, view.topic]);
      await insertVersion(tx, view);
      await emitProcedureEvent(tx, view, 'procedure.created');
    });
    return reload(ctx, id);
  },

  updateProcedure: async (_, args, ctx) => {
    const input = parseInput(updateInput, args.input);
    expectSettable(ctx, input);
    await ctx.db.transaction(async (tx) => {
      const { latest } = await lockForWrite(tx, ctx.viewer, args.id);
      procedureTarget.expectVersion(latest.latestVersion, args.expectedVersion);
      const { changeNote, steps, resourcing: r, ...rest } = input;
      const changes: Partial<ProcedureView> = Object.fromEntries(Object.entries(rest).filter(([, val]) => val !== undefined));
      if (steps !== undefined) changes.steps = normaliseSteps(steps);
      if (r !== undefined) changes.resourcing = normaliseResourcing(r);
      if (rest.legalBasis !== undefined) changes.legalBasis = await checkedCitations(tx, ctx.viewer, LEGAL_BASIS, rest.legalBasis, latest.legalBasis);
      const draft = nextDraft(latest, { ...changes, changeNote: changeNote ?? null }, ctx.viewer.memberId);
      expectReadable(ctx, draft);
      await insertVersion(tx, draft);
      await tx.query('UPDATE procedures.procedures SET latest_version = $2, updated_at = now() WHERE id = $1', [args.id, draft.version]);
      await emitProcedureEvent(tx, draft, 'procedure.updated');
    });
    return reload(ctx, args.id);
  },

  setDimensionValues: async (_, args, ctx) => {
    const values = parseInput(dimensionValuesInput, args.values);
    const dims = await dimensionMap(ctx);
    await ctx.db.transaction(async (tx) => {
      const { latest } = await lockForWrite(tx, ctx.viewer, args.id);
      procedureTarget.expectVersion(latest.latestVersion, args.expectedVersion);
      const dimensionValues = applyDimensionValues(latest.dimensionValues, values, dims, latest.topic);
      const draft = nextDraft(latest, { dimensionValues, changeNote: `Dimension values: ${values.map((x) => x.key).join(', ')}` }, ctx.viewer.memberId);
      await insertVersion(tx, draft);
      await tx.query('UPDATE procedures.procedures SET latest_version = $2, updated_at = now() WHERE id = $1', [args.id, draft.version]);
      await emitProcedureEvent(tx, draft, 'procedure.updated', { dimensions: values.map((x) => x.key) });
    });
    return reload(ctx, args.id);
  },

  publishProcedure: async (_, args, ctx) => {
    const effectiveFrom = args.effectiveFrom ?? today();
    const backdating = backdatingReason(ctx.viewer, 'effectiveFrom', effectiveFrom, parseInput(backdatingInput, { reason: args.reason }).reason);
    await ctx.db.transaction(async (tx) => {
      const { latest, published } = await lockForWrite(tx, ctx.viewer, args.id);
      procedureTarget.expectVersion(latest.latestVersion, args.expectedVersion);
      if (latest.status !== 'DRAFT') throw badInput(`Version ${latest.version} is already ${latest.status}; there is no draft to publish.`);
      if (published?.status === 'IN_FORCE' && published.effectiveFrom! > effectiveFrom) {
        // The version in force may be one the caller cannot read: then its date is not theirs to learn.
        throw badInput(procedureVisible(ctx.viewer, published)
          ? `effectiveFrom must not be before ${published.effectiveFrom}, when the version in force took effect.`
          : 'effectiveFrom must not be before the day the version in force took effect.');
      }
      if (published?.status === 'IN_FORCE') {
        await tx.query(
          `UPDATE procedures.procedure_versions SET status = 'SUPERSEDED', in_force_until = $3 WHERE procedure_id = $1 AND version = $2`,
          [args.id, published.version, effectiveFrom]);
      }
      await tx.query(
        `UPDATE procedures.procedure_versions SET status = 'IN_FORCE', effective_from = $3, published_at = now(), backdating_reason = $4
         WHERE procedure_id = $1 AND version = $2`,
        [args.id, latest.version, effectiveFrom, backdating]);
      await tx.query('UPDATE procedures.procedures SET published_version = $2, updated_at = now() WHERE id = $1', [args.id, latest.version]);
      await emitProcedureEvent(tx, latest, 'procedure.published', { effectiveFrom, supersedes: published?.version ?? null, backdatingReason: backdating });
    });
    return reload(ctx, args.id);
  },

  withdrawProcedure: async (_, args, ctx) => {
    const reason = parseInput(reasonInput, args.reason);
    await ctx.db.transaction(async (tx) => {
      const { published } = await lockForWrite(tx, ctx.viewer, args.id, 'published');
      if (published?.status !== 'IN_FORCE') throw badInput('Only a procedure in force can be withdrawn.');
      const until = published.effectiveFrom! > today() ? published.effectiveFrom : today();
      await tx.query(
        `UPDATE procedures.procedure_versions SET status = 'WITHDRAWN', in_force_until = $3, change_note = coalesce(change_note || ' / ', '') || $4
         WHERE procedure_id = $1 AND version = $2`, [args.id, published.version, until, `Withdrawn: ${reason}`]);
      await tx.query('UPDATE procedures.procedures SET updated_at = now() WHERE id = $1', [args.id]);
      // Who could read the version withdrawn, and under what title: it leaves the published view with this event.
      await emitProcedureEvent(tx, published, 'procedure.withdrawn',
        { reason, title: published.title, visibility: published.visibility, restrictedTo: published.restrictedTo });
    });
    return reload(ctx, args.id);
  },

  verifyProcedure: async (_, args, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const { latest } = await lockForWrite(tx, ctx.viewer, args.id);
      await tx.query(
        `UPDATE procedures.procedures SET last_verified_at = $2, review_status = 'CURRENT', updated_at = now() WHERE id = $1`,
        [args.id, today()]);
      await emitProcedureEvent(tx, latest, 'procedure.verified');
    });
    return reload(ctx, args.id);
  },
};
