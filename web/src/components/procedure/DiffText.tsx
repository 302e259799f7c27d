import { useTranslation } from 'react-i18next';
import { sideOf } from './wordDiff.ts';
import type { DiffPart } from './wordDiff.ts';

/**
 * One side of a word-level difference: removed words in <del>, added words in <ins>, each also named in words for
 * screen readers (struck-through and underlined on screen, never told by colour alone).
 */
export function DiffText({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' }) {
  const { t } = useTranslation('procedure');
  return (
    <p className="proc-diff-text">
      {sideOf(parts, side).map((p, k) => {
        if (p.kind === 'removed') {
          return <del key={k}><span className="visually-hidden">{t('diff.removedStart')}</span>{p.text}<span className="visually-hidden">{t('diff.changeEnd')}</span></del>;
        }
        if (p.kind === 'added') {
          return <ins key={k}><span className="visually-hidden">{t('diff.addedStart')}</span>{p.text}<span className="visually-hidden">{t('diff.changeEnd')}</span></ins>;
        }
        return <span key={k}>{p.text}</span>;
      })}
    </p>
  );
}
