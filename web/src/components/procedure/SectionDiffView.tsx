import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDiffFieldsFragment } from '../../gql/graphql.ts';
import { DiffText } from '../diff/DiffText.tsx';
import { dimensionChange, dimensionKeyOf, formatJson } from './diffFields.ts';
import { changeCounts, diffWords } from '../diff/wordDiff.ts';

const CHANGE_TONE: Record<string, string> = { ADDED: 'badge-ok', REMOVED: 'badge-bad', CHANGED: 'badge-warn', UNCHANGED: 'badge-muted' };

/** One changed thing shown side by side: the text before with its deletions, the text after with its insertions. */
function SideBySide({ heading, change, before, after, beforeLabel, afterLabel }: {
  heading: string; change: string; before: string; after: string; beforeLabel: string; afterLabel: string;
}) {
  const { t } = useTranslation('procedure');
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  const counts = changeCounts(parts);
  return (
    <section className="proc-diff-section">
      <h3>
        {heading} <span className={`badge ${CHANGE_TONE[change] ?? 'badge-muted'}`}>{t(`diff.change.${change}`)}</span>
      </h3>
      <p className="muted">{t('diff.counts', { added: counts.added, removed: counts.removed })}</p>
      <div className="proc-diff-columns">
        <div className="proc-diff-side">
          <p className="proc-diff-side-label">{beforeLabel}</p>
          {change === 'ADDED' ? <p className="muted">{t('diff.absent')}</p> : <DiffText parts={parts} side="before" />}
        </div>
        <div className="proc-diff-side">
          <p className="proc-diff-side-label">{afterLabel}</p>
          {change === 'REMOVED' ? <p className="muted">{t('diff.absent')}</p> : <DiffText parts={parts} side="after" />}
        </div>
      </div>
    </section>
  );
}

/**
 * The differences between two procedures (two versions, or two jurisdictions): changed sections side by side with
 * word-level marks, then changed fields. Dimension changes can be left to a table of their own (`withDimensions`).
 */
export function SectionDiffView({ diff, beforeLabel, afterLabel, withDimensions = true }: {
  diff: ProcedureDiffFieldsFragment; beforeLabel: string; afterLabel: string; withDimensions?: boolean;
}) {
  const { t } = useTranslation('procedure');
  const changed = diff.sections.filter((s) => s.change !== 'UNCHANGED');
  const unchanged = diff.sections.filter((s) => s.change === 'UNCHANGED');
  const fields = diff.fields.filter((f) => withDimensions || !dimensionKeyOf(f.field));
  return (
    <div className="proc-diff">
      <p className="proc-diff-legend">{t('diff.legend')}</p>
      {diff.changedCount === 0 && <p role="status">{t('diff.nothing')}</p>}
      {changed.map((s) => (
        <SideBySide key={`s-${s.heading}`} heading={s.heading === '(preamble)' ? t('diff.preamble') : s.heading} change={s.change}
          before={s.before ?? ''} after={s.after ?? ''} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      ))}
      {unchanged.length > 0 && (
        <p className="muted">{t('diff.unchanged', { sections: unchanged.map((s) => s.heading).join(', ') })}</p>
      )}
      {fields.map((f) => {
        const dim = dimensionChange(f.field, diff.left.dimensionValues, diff.right.dimensionValues);
        return (
          <SideBySide key={`f-${f.field}`} change="CHANGED"
            heading={dim ? t('diff.dimensionField', { label: dim.label }) : t(`field.${f.field}`, { defaultValue: f.field })}
            before={dim ? dim.before : formatJson(f.before)} after={dim ? dim.after : formatJson(f.after)}
            beforeLabel={beforeLabel} afterLabel={afterLabel} />
        );
      })}
    </div>
  );
}
