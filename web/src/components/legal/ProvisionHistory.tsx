import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiffText } from '../diff/DiffText.tsx';
import { formatDate } from '../procedure/dates.ts';
import { FormSelect } from '../procedure/FormSelect.tsx';
import { ErrorState, Loading } from '../States.tsx';
import { LegalProvisionDiffDocument } from '../../gql/graphql.ts';
import { dateLocale, partsOfChanges } from './legalLogic.ts';

interface Version {
  version: number;
  heading: string;
  validFrom: string;
  validUntil?: string | null;
  changeNote?: string | null;
  proposedBy?: { id: string; displayName: string } | null;
}

/** A provision's versions, newest first, and a word-level "what changed" between any two of them (the API's diff). */
export function ProvisionHistory({ provisionId, history, contentLang }: { provisionId: string; history: readonly Version[]; contentLang: string }) {
  const { t, i18n } = useTranslation('legal');
  const newest = history[0]?.version ?? 1;
  const [pair, setPair] = useState({ from: history[1]?.version ?? newest, to: newest });
  const options = history.map((v) => ({ id: String(v.version), label: `${t('history.version', { version: v.version })} · ${formatDate(v.validFrom, dateLocale(i18n.language))}` }));
  const { data, loading, error, refetch } = useQuery(LegalProvisionDiffDocument, {
    variables: { id: provisionId, from: pair.from, to: pair.to },
    skip: history.length < 2,
  });
  const diff = data?.legalProvision?.diff;
  return (
    <div className="legal-history">
      <ol className="legal-versions" aria-label={t('history.label')}>
        {history.map((v) => (
          <li key={v.version}>
            <strong>{t('history.version', { version: v.version })}</strong>{' · '}
            {v.validUntil
              ? t('history.between', { from: formatDate(v.validFrom, dateLocale(i18n.language)), until: formatDate(v.validUntil, dateLocale(i18n.language)) })
              : t('history.since', { from: formatDate(v.validFrom, dateLocale(i18n.language)) })}
            {v.changeNote && <> · <span lang={contentLang}>{v.changeNote}</span></>}
            {v.proposedBy && <> · {t('history.proposedBy', { name: v.proposedBy.displayName })}</>}
          </li>
        ))}
      </ol>
      {history.length < 2 ? <p className="muted">{t('history.oneVersion')}</p> : (
        <div className="legal-diff">
          <h4>{t('history.whatChanged')}</h4>
          <div className="legal-diff-pickers">
            <FormSelect label={t('history.from')} options={options} value={String(pair.from)} onChange={(v) => setPair({ ...pair, from: Number(v) })} />
            <FormSelect label={t('history.to')} options={options} value={String(pair.to)} onChange={(v) => setPair({ ...pair, to: Number(v) })} />
          </div>
          <div aria-live="polite">
            {loading && !diff ? <Loading label={t('history.comparing')} />
              : error && !diff ? <ErrorState error={error} onRetry={() => void refetch()} />
              : diff ? (
                <>
                  <p className="legal-diff-summary">{t('history.summary', { count: diff.changedCount, from: diff.from.version, to: diff.to.version })}</p>
                  <p className="muted">{t('history.legend')}</p>
                  {diff.headingChanged && <p>{t('history.headingChanged', { before: diff.from.heading, after: diff.to.heading })}</p>}
                  <div className="legal-side-by-side">
                    <div>
                      <p className="legal-side-label">{t('history.version', { version: diff.from.version })}</p>
                      <DiffText parts={partsOfChanges(diff.changes)} side="before" lang={contentLang} />
                    </div>
                    <div>
                      <p className="legal-side-label">{t('history.version', { version: diff.to.version })}</p>
                      <DiffText parts={partsOfChanges(diff.changes)} side="after" lang={contentLang} />
                    </div>
                  </div>
                </>
              ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
