import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound, parseInput } from '../../../lib/errors.ts';
import {
  createWorkshopInput, keyMessageInput, linkTargetInput, reasonInput, recommendationInput, swotItemsInput,
} from '../inputs.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import { emitWorkshopEvents, lockRecommendation, lockSwotItem, lockWorkshop, nextPosition, workshopTarget } from '../writes.ts';
import { RECOMMENDATION_TRANSITIONS } from '../views.ts';
import type { SwotItemView } from '../views.ts';
import { assertMayOrganise } from '../organiserScope.ts';
import { mayListLink } from '../linkTargets.ts';
import type { Ctx } from './context.ts';
import type { MutationResolvers } from './types.generated.ts';

// What a write returns is what it has just written, which the viewer sees (the write checked it would).
const reloadRecommendation = async (ctx: Ctx, id: string) => expectRow(
  await reloadAfterWrite(id, ctx.loaders.recommendation, ctx.loaders.historyOfRecommendation, ctx.loaders.linksOfRecommendation), id);

export const Mutation: MutationResolvers = {
  createWorkshop: async (_, args, ctx) => {
    const input = parseInput(createWorkshopInput, args.input);
    const restrictedTo = input.restrictedTo ?? [];
    workshopTarget.expectReadable(ctx.viewer, { visibility: input.visibility, restrictedTo });
    assertMayOrganise(ctx.viewer, input.organiser);
    const id = `ws-${randomUUID()}`;
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO workshops.workshops (id, title, series, theme, city_code, starts_on, ends_on, organiser_id, topics, participant_count,
           participant_org_kinds, summary, language, report_status, visibility, restricted_to, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [id, input.title, input.series ?? null, input.theme, input.city, input.startsOn, input.endsOn, input.organiser, input.topics,
          input.participantCount, input.participantOrgKinds ?? [], input.summary, input.language, input.reportStatus ?? 'DRAFT', input.visibility,
          restrictedTo, ctx.viewer.memberId]);
      await emitWorkshopEvents(tx, [{ entityType: 'Workshop', entityId: id, event: 'workshop.created',
        payload: { city: input.city, topics: input.topics, visibility: input.visibility } }]);
    });
    return expectRow(await ctx.loaders.workshop.load(id), id);
  },

  addSwotItems: async (_, args, ctx) => {
    const items = parseInput(swotItemsInput, args.items);
    const ids = items.map(() => `swot-${randomUUID()}`);
    await ctx.db.transaction(async (tx) => {
      const workshop = await lockWorkshop(tx, ctx.viewer, args.workshop);
      const offTopic = items.findIndex((i) => !workshop.topics.includes(i.topic));
      if (offTopic >= 0) {
        throw badInput(`Invalid input: items.${offTopic}.topic: the workshop covers ${workshop.topics.join(', ')} only`,
          { fields: [{ field: `items.${offTopic}.topic`, message: 'not a topic of this workshop' }] });
      }
      const first = await nextPosition(tx, 'swot_items', workshop.id);
      await tx.query(
        `INSERT INTO workshops.swot_items (id, workshop_id, topic, quadrant, statement, evidence, jurisdictions, position, created_by)
         SELECT i.id, $2, i.topic, i.quadrant, i.statement, i.evidence, i.jurisdictions, i.position, $3
         FROM jsonb_to_recordset($1::jsonb) AS i(id text, topic text, quadrant text, statement text, evidence text, jurisdictions text[], position int)`,
        [JSON.stringify(items.map((i, n) => ({ id: ids[n], topic: i.topic, quadrant: i.quadrant, statement: i.statement,
          evidence: i.evidence ?? null, jurisdictions: i.jurisdictions ?? [], position: first + n }))), workshop.id, ctx.viewer.memberId]);
      await emitWorkshopEvents(tx, items.map((i, n) => ({ entityType: 'SwotItem', entityId: ids[n]!, event: 'swotItem.added',
        payload: { workshop: workshop.id, topic: i.topic, quadrant: i.quadrant } })));
    });
    ctx.loaders.swotItemsOfWorkshop.clear(args.workshop);
    return (await ctx.loaders.swotItem.loadMany(ids)).filter((s): s is SwotItemView => s !== null && !(s instanceof Error));
  },

  voteSwotItem: async (_, args, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const item = await lockSwotItem(tx, ctx.viewer, args.id);
      const inserted = await tx.query(
        `INSERT INTO workshops.swot_votes (swot_item_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING swot_item_id`,
        [args.id, ctx.viewer.memberId]);
      if (inserted.length === 0) throw conflict('You have already voted for this item; each member votes once.');
      await emitWorkshopEvents(tx, [{ entityType: 'SwotItem', entityId: args.id, event: 'swotItem.voted',
        payload: { workshop: item.workshopId, member: ctx.viewer.memberId } }]);
    });
    return expectRow(await reloadAfterWrite(args.id, ctx.loaders.swotItem, ctx.loaders.votedByViewer), args.id);
  },

  addKeyMessage: async (_, args, ctx) => {
    const input = parseInput(keyMessageInput, args.input);
    const id = `km-${randomUUID()}`;
    await ctx.db.transaction(async (tx) => {
      const workshop = await lockWorkshop(tx, ctx.viewer, args.workshop);
      await tx.query(
        'INSERT INTO workshops.key_messages (id, workshop_id, text, attribution, position) VALUES ($1, $2, $3, $4, $5)',
        [id, workshop.id, input.text, input.attribution ?? null, await nextPosition(tx, 'key_messages', workshop.id)]);
      await emitWorkshopEvents(tx, [
        { entityType: 'KeyMessage', entityId: id, event: 'keyMessage.added', payload: { workshop: workshop.id } },
        // The workshop's own text includes its key messages.
        { entityType: 'Workshop', entityId: workshop.id, event: 'workshop.updated', payload: { keyMessage: id } },
      ]);
    });
    return { id, workshopId: args.workshop, text: input.text, attribution: input.attribution ?? null };
  },

  addRecommendation: async (_, args, ctx) => {
    const input = parseInput(recommendationInput, args.input);
    const id = `rec-${randomUUID()}`;
    await ctx.db.transaction(async (tx) => {
      const workshop = await lockWorkshop(tx, ctx.viewer, args.workshop);
      await tx.query(
        `INSERT INTO workshops.recommendations (id, workshop_id, statement, rationale, addressees, topics, priority, status, position, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROPOSED', $8, $9)`,
        [id, workshop.id, input.statement, input.rationale, input.addressees, input.topics ?? [], input.priority,
          await nextPosition(tx, 'recommendations', workshop.id), ctx.viewer.memberId]);
      await tx.query(
        `INSERT INTO workshops.recommendation_status_changes (recommendation_id, from_status, to_status, reason, changed_by)
         VALUES ($1, NULL, 'PROPOSED', 'Recommendation added.', $2)`, [id, ctx.viewer.memberId]);
      await emitWorkshopEvents(tx, [{ entityType: 'Recommendation', entityId: id, event: 'recommendation.added',
        payload: { workshop: workshop.id, addressees: input.addressees } }]);
    });
    ctx.loaders.recommendationsOfWorkshop.clear(args.workshop);
    return reloadRecommendation(ctx, id);
  },

  setRecommendationStatus: async (_, args, ctx) => {
    const reason = parseInput(reasonInput, args.reason);
    await ctx.db.transaction(async (tx) => {
      const r = await lockRecommendation(tx, ctx.viewer, args.id);
      const allowed = RECOMMENDATION_TRANSITIONS[r.status] ?? [];
      if (!allowed.includes(args.status)) {
        throw badInput(`A ${r.status} recommendation cannot become ${args.status}; allowed: ${allowed.join(', ') || 'none (it is final)'}.`);
      }
      await tx.query(`UPDATE workshops.recommendations SET status = $2, updated_at = now() WHERE id = $1`, [r.id, args.status]);
      await tx.query(
        `INSERT INTO workshops.recommendation_status_changes (recommendation_id, from_status, to_status, reason, changed_by)
         VALUES ($1, $2, $3, $4, $5)`, [r.id, r.status, args.status, reason, ctx.viewer.memberId]);
      await emitWorkshopEvents(tx, [{ entityType: 'Recommendation', entityId: r.id, event: 'recommendation.statusChanged',
        payload: { workshop: r.workshopId, from: r.status, to: args.status, reason } }]);
    });
    return reloadRecommendation(ctx, args.id);
  },

  linkRecommendation: async (_, args, ctx) => {
    const target = parseInput(linkTargetInput, args.target);
    await ctx.db.transaction(async (tx) => {
      const r = await lockRecommendation(tx, ctx.viewer, args.id);
      // A target the caller cannot see (or that does not exist) and one already linked answer like a new link,
      // but only a new link to a visible target is stored.
      if (!await mayListLink(tx, ctx.viewer, target)) return;
      const inserted = await tx.query(
        `INSERT INTO workshops.recommendation_links (recommendation_id, target_type, target_id, linked_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING target_id`, [r.id, target.type, target.id, ctx.viewer.memberId]);
      if (inserted.length === 0) return;
      await emitWorkshopEvents(tx, [{ entityType: 'Recommendation', entityId: r.id, event: 'recommendation.linked',
        payload: { workshop: r.workshopId, targetType: target.type, targetId: target.id } }]);
    });
    return reloadRecommendation(ctx, args.id);
  },

  unlinkRecommendation: async (_, args, ctx) => {
    const target = parseInput(linkTargetInput, args.target);
    await ctx.db.transaction(async (tx) => {
      const r = await lockRecommendation(tx, ctx.viewer, args.id);
      // A link the caller can list is removed, whoever added it; one to a hidden or unknown target is a plain no-op.
      if (!await mayListLink(tx, ctx.viewer, target)) return;
      const [{ deleted }] = await tx.query(
        `WITH d AS (DELETE FROM workshops.recommendation_links WHERE recommendation_id = $1 AND target_type = $2 AND target_id = $3
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM d`,
        [r.id, target.type, target.id]);
      if (deleted === 0) return;
      await emitWorkshopEvents(tx, [{ entityType: 'Recommendation', entityId: r.id, event: 'recommendation.unlinked',
        payload: { workshop: r.workshopId, targetType: target.type, targetId: target.id } }]);
    });
    return reloadRecommendation(ctx, args.id);
  },
};
