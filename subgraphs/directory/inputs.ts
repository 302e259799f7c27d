import { z } from 'zod';
import { ORG_KINDS, ROLES, TIERS } from '../../lib/access.ts';
import { boundedText, idInput } from '../../lib/inputSchemas.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lowercase letters, digits or hyphens');
const text = (max: number) => boundedText(2, max);
const roles = z.array(z.enum(ROLES)).max(5)
  .refine((r) => new Set(r).size === r.length, 'must not repeat a role');

export const createAgencyInput = z.object({
  id: slug.nullish(),
  name: text(200),
  acronym: boundedText(1, 20).nullish(),
  kind: z.string(),
  orgKind: z.enum(ORG_KINDS),
  jurisdiction: idInput.pipe(z.string().min(2).max(20)),
});
export const inviteMemberInput = z.object({
  id: slug.nullish(),
  displayName: text(120),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  agency: idInput.pipe(z.string().max(64)),
  tier: z.enum(TIERS).nullish(),
  roles: roles.nullish(),
});
export const updateMemberInput = z.object({
  displayName: text(120).optional(),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
  agency: idInput.pipe(z.string().max(64)).optional(),
  tier: z.enum(TIERS).nullable().optional(),
  roles: roles.optional(),
  active: z.boolean().optional(),
}).refine((i) => Object.values(i).some((v) => v !== undefined), 'give at least one field to change');
