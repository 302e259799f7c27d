import { z } from 'zod';
import { hasRole } from '../../../lib/access.ts';
import { backdatingReason } from '../../../lib/backdating.ts';
import { badInput, notFound, parseInput } from '../../../lib/errors.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import { today } from '../../../lib/scalars.ts';
import { appendProvisionVersion, emitLegalEvents, frameworkTarget, lockFramework, lockProvision, provisionTarget } from '../writes.ts';
import { frameworkId } from '../newIds.ts';
import { createProvision } from '../newProvision.ts';
import { applyPositions } from '../positions.ts';
import { recordDirectChange } from '../reviewerConflicts.ts';
import { contributionMutations } from './contributionMutations.ts';
import type { Ctx } from './context.ts';
import { date, heading, idInput, languages, positions, provisionText, reference, restrictedTo, text, topics, visibility } from '../inputs.ts';
import { jurisdictionCode } from '../../../lib/inputSchemas.ts';

const frameworkContent = {
  title: text(3, 1_000),
  shortTitle: text(2, 200),
  eli: z.string().url('must be a URI').max(300).nullish(),
  celex: z.string().regex(/^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9]{4}$/, 'must be a CELEX number such as 32016L0680').nullish(),
  identifier: text(2, 300).nullish(),
  adoptedOn: date.nullish(),
  inForceFrom: date.nullish(),
  repealedOn: date.nullish(),
  languages,
  summary: text(10, 5_000),
  topics,
  visibility,
  restrictedTo: restrictedTo.nullish(),
};
const createFrameworkInput = z.object({
  jurisdiction: jurisdictionCode,
  kind: z.enum(['REGULATION', 'DIRECTIVE', 'STATUTE', 'DECREE', 'GUIDELINE', 'CASE_LAW']),
  transposes: idInput.nullish(),
  ...frameworkContent,
});
const updateFrameworkInput = z.object(Object.fromEntries(Object.entries(frameworkContent).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof frameworkContent]: z.ZodOptional<(typeof frameworkContent)[K]>
}).refine((i) => Object.values(i).some((v) => v !== undefined), 'give at least one field to change');
const addProvisionInput = z.object({
  reference,
  heading,
  text: provisionText,
  topics: topics.nullish(),
  positions: positions.nullish(),
  visibility,
  restrictedTo: restrictedTo.nullish(),
  validFrom: date.nullish(),
  reason: text(3, 1_000).nullish(),
});
const amendProvisionInput = z.object({
  heading: heading.optional(),
  text: provisionText.optional(),
  topics: topics.optional(),
  positions: positions.optional(),
  validFrom: date.nullish(),
  reason: text(3, 1_000).nullish(),
  changeNote: text(3, 1_000),
}).refine((i) => i.heading !== undefined || i.text !== undefined || i.topics !== undefined || (i.positions?.length ?? 0) > 0,
  'give at least one of heading, text, topics or positions');

function checkDates(f: { adoptedOn?: string | null; inForceFrom?: string | null; repealedOn?: string | null }) {
  if (f.inForceFrom && f.repealedOn && f.repealedOn <= f.inForceFrom) throw badInput('repealedOn must be after inForceFrom.');
  if (f.adoptedOn && f.inForceFrom && f.inForceFrom < f.adoptedOn) throw badInput('inForceFrom must not be before adoptedOn.');
}

async function dimensionMap(ctx: Ctx) {
  return new Map((await ctx.loaders.allDimensions()).map((d) => [d.key, d]));
}

const reloadFramework = (ctx: Ctx, id: string) => reloadAfterWrite(id, ctx.loaders.framework);
const reloadProvision = (ctx: Ctx, id: string) => reloadAfterWrite(id, ctx.loaders.provisionsAt(null).provision);

export const Mutation = {
  createLegalFramework: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
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

  updateLegalFramework: async (_: unknown, args: { id: string; input: unknown }, ctx: Ctx) => {
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

  addProvision: async (_: unknown, args: { framework: string; input: unknown }, ctx: Ctx) => {
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

  amendProvision: async (_: unknown, args: { id: string; expectedVersion: number; input: unknown }, ctx: Ctx) => {
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

  ...contributionMutations,
};

