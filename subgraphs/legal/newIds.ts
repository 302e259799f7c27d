import { randomBytes } from 'node:crypto';

// Ids of new legal texts are made by the platform, with a random part: an id a caller could choose, or one that
// changed when another was taken, would tell them whether an item they cannot see exists.

const randomPart = () => randomBytes(6).toString('hex');

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');

/** e.g. `es-ct-guideline-3f9a0c51d2e4`. */
export const frameworkId = (jurisdiction: string, kind: string) => `${slug(jurisdiction)}-${slug(kind)}-${randomPart()}`;

/** e.g. `eu-2016-680-art-99-3f9a0c51d2e4`. */
export const provisionId = (frameworkId: string, reference: string) => [frameworkId, slug(reference), randomPart()].filter(Boolean).join('-');
