// Pure helpers of the legal pages (unit-tested in node): official links, the API's diff runs, what a member may do with
// a contribution, and a contribution draft's checks before it is sent.
import type { DiffPart } from '../diff/wordDiff.ts';

/** EUR-Lex's page for a CELEX number. */
export function celexUrl(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${encodeURIComponent(celex)}`;
}

/** An ELI is itself a URI; only http(s) ones are offered as links. */
export function eliUrl(eli: string): string | null {
  return /^https?:\/\//.test(eli) ? eli : null;
}

/** Short titles are in the act's own language when it has one; the platform's summaries and provision texts are in English. */
export const titleLang = (languages: readonly string[]) => (languages.length === 1 ? languages[0] : 'en');

/** Dates in the console's language; English reads them the British way (1 Mar 2025), as the rest of the console does. */
export const dateLocale = (language: string) => (language === 'en' ? 'en-GB' : language);

export const frameworkPath = (id: string) => `/legal/frameworks/${encodeURIComponent(id)}`;
export const provisionAnchor = (id: string) => `provision-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const KIND_OF: Record<string, DiffPart['kind']> = { ADDED: 'added', REMOVED: 'removed', UNCHANGED: 'same' };

/** The API's runs of changed words (ADDED / REMOVED / UNCHANGED) as the parts the diff view draws. */
export function partsOfChanges(changes: readonly { kind: string; text: string }[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const kind = KIND_OF[c.kind] ?? 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += c.text;
    else parts.push({ kind, text: c.text });
  }
  return parts;
}

export interface ActingMember { id: string; roles: readonly string[]; agencyId: string }
export interface ContributionState { status: string; authorId: string; authorAgencyId: string }

const UNDECIDED = new Set(['SUBMITTED', 'UNDER_REVIEW']);

/** The author may withdraw a contribution while it is undecided. */
export function canWithdraw(member: ActingMember | null, c: ContributionState): boolean {
  return !!member && member.id === c.authorId && UNDECIDED.has(c.status);
}

/** The API's conflict-of-interest sentences the console words in the reader's language. */
const CONFLICT_KEYS: Record<string, 'own' | 'organisation'> = {
  'Nobody reviews their own contribution.': 'own',
  'A contribution is reviewed by someone outside the author\'s organisation.': 'organisation',
};

/**
 * Why this reviewer may not review a contribution, from the API's `reviewConflict` (which also knows the organisation
 * tree): a known reason as its catalogue key, any other sentence as the API wrote it, or null when they may.
 */
export function conflictReason(reviewConflict: string | null | undefined): { key: 'own' | 'organisation' } | { sentence: string } | null {
  if (!reviewConflict) return null;
  const key = CONFLICT_KEYS[reviewConflict];
  return key ? { key } : { sentence: reviewConflict };
}

export type ReviewStep = 'start' | 'decide' | null;

/** What a reviewer can do next with a contribution: start the review, decide it, or nothing (decided or withdrawn). */
export function reviewStep(member: ActingMember | null, c: ContributionState): ReviewStep {
  if (!member?.roles.includes('REVIEWER')) return null;
  if (c.status === 'SUBMITTED') return 'start';
  if (c.status === 'UNDER_REVIEW') return 'decide';
  return null;
}

export interface ContributionDraft {
  kind: string;
  proposedText: string;
  rationale: string;
}

export const MIN_RATIONALE = 10;
export const MAX_TEXT = 20_000;

/** Field errors (as message keys) of a contribution draft; empty when it may be sent. */
export function draftErrors(draft: ContributionDraft, currentText: string): Partial<Record<'proposedText' | 'rationale', string>> {
  const errors: Partial<Record<'proposedText' | 'rationale', string>> = {};
  const text = draft.proposedText.trim();
  if (!text) errors.proposedText = draft.kind === 'AMENDMENT' ? 'contribute.errors.textRequired' : 'contribute.errors.commentRequired';
  else if (text.length > MAX_TEXT) errors.proposedText = 'contribute.errors.textTooLong';
  else if (draft.kind === 'AMENDMENT' && text === currentText.trim()) errors.proposedText = 'contribute.errors.unchanged';
  if (draft.rationale.trim().length < MIN_RATIONALE) errors.rationale = 'contribute.errors.rationale';
  return errors;
}

/** A reason is required to reject. */
export function decisionError(decision: 'ACCEPT' | 'REJECT', reason: string): string | null {
  return decision === 'REJECT' && !reason.trim() ? 'review.errors.reasonRequired' : null;
}
