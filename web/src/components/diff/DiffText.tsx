import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { sideOf } from './wordDiff.ts';
import type { DiffPart } from './wordDiff.ts';
import './diff.css';

/**
 * One side of a word-level difference: removed words in <del>, added words in <ins>, each also named in words for
 * screen readers (struck-through and underlined on screen, never told by colour alone). Used by every page that shows
 * what changed between two texts (procedure versions, legal provision versions, a proposed amendment).
 */
export function DiffText(props: { parts: DiffPart[]; side: 'before' | 'after'; lang?: string }) {
  // Its strings load with the first diff shown: until then this paragraph waits on its own, not the whole page.
  return (
    <Suspense fallback={<p className="diff-text" lang={props.lang} aria-busy="true" />}>
      <MarkedDiff {...props} />
    </Suspense>
  );
}

function MarkedDiff({ parts, side, lang }: { parts: DiffPart[]; side: 'before' | 'after'; lang?: string }) {
  const { t } = useTranslation('diff');
  return (
    <p className="diff-text" lang={lang}>
      {sideOf(parts, side).map((p, k) => {
        if (p.kind === 'removed') {
          return <del key={k}><span className="visually-hidden">{t('removedStart')}</span>{p.text}<span className="visually-hidden">{t('changeEnd')}</span></del>;
        }
        if (p.kind === 'added') {
          return <ins key={k}><span className="visually-hidden">{t('addedStart')}</span>{p.text}<span className="visually-hidden">{t('changeEnd')}</span></ins>;
        }
        return <span key={k}>{p.text}</span>;
      })}
    </p>
  );
}
