import { z } from 'zod';
import { boundedText, idInput, jurisdictionCode } from '../../lib/inputSchemas.ts';
import { TOPICS } from '../../lib/vocabulary.ts';
import type { Topic } from '../../lib/vocabulary.ts';
import { FOLLOW_TARGET_TYPES, SAVED_SEARCH_DOC_TYPE } from './views.ts';
import type { ItemTargetType } from './views.ts';

export const MAX_FOLLOWS = 500;
export const MAX_SAVED_SEARCHES = 50;
export const MAX_NOTIFICATION_PAGE = 100;
const MAX_FILTER_VALUES = 20;

export type FollowTarget =
  | { targetType: 'JURISDICTION_TOPIC'; jurisdiction: string; topic: Topic }
  | { targetType: ItemTargetType; id: string };

/** A follow's target: an item by id, or a jurisdiction and a topic (nothing else given). */
export const followInput = z.object({
  targetType: z.enum(FOLLOW_TARGET_TYPES),
  id: idInput.nullish(),
  jurisdiction: jurisdictionCode.nullish(),
  topic: z.enum(TOPICS).nullish(),
}).transform((f, ctx): FollowTarget => {
  if (f.targetType === 'JURISDICTION_TOPIC') {
    if (f.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'must not be given for a jurisdiction and topic' });
    if (!f.jurisdiction) ctx.addIssue({ code: 'custom', path: ['jurisdiction'], message: 'is required for a jurisdiction and topic' });
    if (!f.topic) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'is required for a jurisdiction and topic' });
    return { targetType: 'JURISDICTION_TOPIC', jurisdiction: f.jurisdiction ?? '', topic: f.topic ?? 'COMMUNICATION' };
  }
  if (!f.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'is required to follow an item' });
  if (f.jurisdiction || f.topic) ctx.addIssue({ code: 'custom', path: ['jurisdiction'], message: 'is only for a jurisdiction and topic' });
  return { targetType: f.targetType, id: f.id ?? '' };
});

export const saveSearchInput = z.object({
  name: boundedText(1, 120),
  query: boundedText(1, 200),
  types: z.array(z.enum(Object.keys(SAVED_SEARCH_DOC_TYPE) as [string, ...string[]])).max(MAX_FILTER_VALUES).nullish(),
  jurisdictions: z.array(jurisdictionCode).max(MAX_FILTER_VALUES).nullish(),
  topics: z.array(z.enum(TOPICS)).max(MAX_FILTER_VALUES).nullish(),
});

export const preferencesInput = z.object({ email: z.enum(['IMMEDIATE', 'DAILY_DIGEST', 'OFF']) });

export const notificationIds = z.array(z.string().regex(/^\d{1,18}$/, 'must be a notification id')).min(1).max(MAX_NOTIFICATION_PAGE);
export const savedSearchId = z.string().uuid('must be a saved search id');
