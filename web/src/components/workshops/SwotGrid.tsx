import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors.ts';
import { WorkshopVoteDocument } from '../../gql/graphql.ts';
import type { WorkshopSwotItemFieldsFragment } from '../../gql/graphql.ts';
import { byQuadrant, QUADRANTS } from './workshops.ts';

type Item = WorkshopSwotItemFieldsFragment;

/**
 * The workshop's SWOT analysis as a 2×2 (strengths, weaknesses, opportunities, threats), filtered by topic, each item
 * with its evidence, jurisdictions and weight (votes). Law-enforcement members vote once per item.
 */
export function SwotGrid({ items, topics, language, canVote, signedIn, onStale }: {
  items: readonly Item[];
  topics: readonly string[];
  /** The language the items are written in (the workshop's). */
  language: string;
  canVote: boolean;
  signedIn: boolean;
  /** Reads the workshop again (after a vote the page did not know of was refused). */
  onStale: () => unknown;
}) {
  const { t } = useTranslation('workshops');
  const [topic, setTopic] = useState<string>('ALL');
  const grouped = byQuadrant(items, topic === 'ALL' ? null : topic);
  return (
    <section aria-labelledby="ws-swot-title" className="ws-section">
      <h2 id="ws-swot-title">{t('swot.title')}</h2>
      <p className="muted" id="ws-vote-rule">
        {canVote ? t('swot.voteRule') : signedIn ? t('swot.voteLeaOnly') : t('swot.voteSignIn')}
      </p>
      {items.length === 0 ? <p className="state state-empty">{t('swot.none')}</p> : (
        <>
          <RadioGroup className="react-aria-RadioGroup ws-topic-filter" value={topic} onChange={setTopic} orientation="horizontal">
            <Label>{t('swot.topicFilter')}</Label>
            <div className="ws-chip-row">
              {['ALL', ...topics].map((value) => (
                <Radio key={value} value={value} className="react-aria-Radio ws-chip">
                  {value === 'ALL' ? t('swot.allTopics') : t(`common:topic.${value}`)}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <div className="ws-swot-grid">
            {QUADRANTS.map((quadrant) => (
              <section key={quadrant} className={`ws-quadrant ws-quadrant-${quadrant.toLowerCase()}`} aria-labelledby={`ws-q-${quadrant}`}>
                <h3 id={`ws-q-${quadrant}`}>
                  {t(`quadrant.${quadrant}`)} <span className="ws-count">{t('swot.count', { count: grouped[quadrant].length })}</span>
                </h3>
                {grouped[quadrant].length === 0 ? <p className="muted">{t('swot.emptyQuadrant')}</p> : (
                  <ul className="ws-swot-items">
                    {grouped[quadrant].map((item) => (
                      <SwotItemView key={item.id} item={item} language={language} canVote={canVote} showTopic={topic === 'ALL'} onStale={onStale} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function SwotItemView({ item, language, canVote, showTopic, onStale }: {
  item: Item; language: string; canVote: boolean; showTopic: boolean; onStale: () => unknown;
}) {
  const { t } = useTranslation('workshops');
  const [vote, { loading }] = useMutation(WorkshopVoteDocument);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The vote button gives way to "you voted": the focus moves there rather than being lost with the button.
  const voted = useRef<HTMLSpanElement>(null);
  const [focusVoted, setFocusVoted] = useState(false);
  useEffect(() => {
    if (focusVoted && item.votedByMe) voted.current?.focus();
  }, [focusVoted, item.votedByMe]);
  const statementId = `ws-item-${item.id}`;
  const press = async () => {
    setMessage(null);
    try {
      const result = await vote({ variables: { id: item.id } });
      setMessage({ kind: 'ok', text: t('vote.counted', { count: result.data?.voteSwotItem.weight ?? item.weight + 1 }) });
    } catch (e) {
      const code = errorCode(e);
      setMessage({ kind: 'error', text: t(`vote.errors.${code}`, { defaultValue: t('vote.errors.UNKNOWN') }) });
      if (code === 'CONFLICT') void onStale();
    }
    setFocusVoted(true);
  };
  return (
    <li className="ws-swot-item" data-item={item.id}>
      <p className="ws-statement" id={statementId} lang={language}>{item.statement}</p>
      {item.evidence && (
        <p className="ws-evidence"><span className="ws-label">{t('swot.evidence')}</span> <span lang={language}>{item.evidence}</span></p>
      )}
      <p className="ws-item-meta">
        {showTopic && <span className="badge badge-muted">{t(`common:topic.${item.topic}`)}</span>}
        {item.jurisdictions.length > 0 && <span className="muted">{item.jurisdictions.map((j) => j.name).join(', ')}</span>}
      </p>
      <div className="ws-vote-row">
        <span className="ws-weight" data-testid="weight">{t('swot.weight', { count: item.weight })}</span>
        {canVote && (item.votedByMe
          ? <span className="ws-voted" ref={voted} tabIndex={-1}><span aria-hidden="true">✓ </span>{t('vote.youVoted')}</span>
          : (
            <Button className="button ws-vote-button" isDisabled={loading} aria-describedby={statementId} onPress={() => void press()}>
              {t('vote.button')}
            </Button>
          ))}
      </div>
      <div role="status" aria-live="polite" className="ws-vote-message">
        {message?.kind === 'ok' && <p className="ws-success">{message.text}</p>}
      </div>
      {message?.kind === 'error' && <p role="alert" className="state-error">{message.text}</p>}
    </li>
  );
}
