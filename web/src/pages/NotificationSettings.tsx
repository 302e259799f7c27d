import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../api/errors.ts';
import { NotificationsNav } from '../components/notifications/NotificationsNav.tsx';
import { itemPath, savedSearchPath } from '../components/notifications/notificationLogic.ts';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import {
  DeleteSavedSearchDocument, NotificationSettingsDocument, SetNotificationPreferencesDocument, UnfollowDocument,
} from '../gql/graphql.ts';
import type { EmailDelivery, NotificationSettingsQuery } from '../gql/graphql.ts';
import { formatDate } from '../i18n/format.ts';
import '../components/notifications/notifications.css';

type Settings = NonNullable<NotificationSettingsQuery['me']>;
const DELIVERIES: EmailDelivery[] = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'];

/** What the member follows, the searches they saved, and how they are told by e-mail. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('settings.title'));
  const { data, loading, error, refetch } = useQuery(NotificationSettingsDocument, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  return (
    <section className="page page-narrow notif-page">
      <h1>{t('settings.title')}</h1>
      <NotificationsNav />
      {!me && loading ? <Loading /> : !me ? (error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <Empty />) : (
        <>
          <EmailChoice preferences={me.notificationPreferences} />
          <Follows follows={me.follows} />
          <SavedSearches searches={me.savedSearches} />
        </>
      )}
    </section>
  );
}

/** A write's outcome, said where the member acted: a sentence on success, the API's reason on failure. */
function useOutcome() {
  const [state, setState] = useState<{ ok: string | null; error: unknown }>({ ok: null, error: null });
  const run = async (write: () => Promise<unknown>, ok: string) => {
    setState({ ok: null, error: null });
    try {
      await write();
      setState({ ok, error: null });
    } catch (error) {
      setState({ ok: null, error: error ?? new Error('failed') });
    }
  };
  return { ...state, run };
}

function Outcome({ ok, error }: { ok: string | null; error: unknown }) {
  const { t } = useTranslation('notifications');
  return (
    <>
      <p className="muted" role="status">{ok}</p>
      {error !== null && <p className="state-error" role="alert">{errorSentence(error, t)}</p>}
    </>
  );
}

function EmailChoice({ preferences }: { preferences: Settings['notificationPreferences'] }) {
  const { t } = useTranslation('notifications');
  // The choice has no id of its own in the cache: the page's query is asked again for it.
  const [save, { loading }] = useMutation(SetNotificationPreferencesDocument, { refetchQueries: [NotificationSettingsDocument], awaitRefetchQueries: true });
  const outcome = useOutcome();
  // The member's choice shows at once; the API's answer (or a refusal) settles it.
  const [choice, setChoice] = useState(preferences?.email);
  useEffect(() => setChoice(preferences?.email), [preferences?.email]);
  if (!preferences) return null;
  const choose = (email: EmailDelivery) => {
    setChoice(email);
    void outcome.run(async () => {
      try {
        await save({ variables: { input: { email } } });
      } catch (e) {
        setChoice(preferences.email);
        throw e;
      }
    }, t('settings.email.saved', { choice: t(`settings.email.${email}`) }));
  };
  return (
    <section aria-labelledby="notif-email-h">
      <h2 id="notif-email-h">{t('settings.email.title')}</h2>
      <p>
        {preferences.emailAddress ? t('settings.email.address', { address: preferences.emailAddress }) : t('settings.email.noAddress')}
      </p>
      <fieldset className="notif-email" disabled={loading}>
        <legend className="notif-label">{t('settings.email.label')}</legend>
        {DELIVERIES.map((d) => (
          <label key={d} className="notif-option">
            <input type="radio" name="email-delivery" value={d} checked={choice === d} onChange={() => choose(d)} />
            {t(`settings.email.${d}`)}
          </label>
        ))}
      </fieldset>
      <Outcome ok={outcome.ok} error={outcome.error} />
    </section>
  );
}

function Follows({ follows }: { follows: Settings['follows'] }) {
  const { t } = useTranslation('notifications');
  const [unfollow] = useMutation(UnfollowDocument, { refetchQueries: [NotificationSettingsDocument], awaitRefetchQueries: true });
  const outcome = useOutcome();
  return (
    <section aria-labelledby="notif-follows-h">
      <h2 id="notif-follows-h">{t('settings.follows.title', { count: follows.length })}</h2>
      <p className="muted">{t('settings.follows.intro')}</p>
      <Outcome ok={outcome.ok} error={outcome.error} />
      {follows.length === 0 ? <Empty>{t('settings.follows.none')}</Empty> : (
        <ul className="notif-follows">
          {follows.map((f) => {
            const name = f.targetType === 'JURISDICTION_TOPIC'
              ? t('settings.follows.jurisdictionTopic', { jurisdiction: f.jurisdiction, topic: t(`common:topic.${f.topic}`) })
              : f.available && f.title ? f.title : t('settings.follows.gone');
            const input = f.targetType === 'JURISDICTION_TOPIC'
              ? { targetType: f.targetType, jurisdiction: f.jurisdiction, topic: f.topic }
              : f.targetId ? { targetType: f.targetType, id: f.targetId } : null;
            const path = f.available && f.item ? itemPath(f.item) : null;
            const nameId = `follow-${f.id}`;
            return (
              <li key={f.id} className="notif-row">
                <div>
                  <p className="notif-message" id={nameId}>{path ? <Link to={path}>{name}</Link> : name}</p>
                  <p className="notif-meta">{t(`settings.follows.type.${f.targetType}`)} · {t('settings.follows.since', { date: formatDate(f.createdAt) })}</p>
                </div>
                {input && (
                  <Button className="button" aria-describedby={nameId}
                    onPress={() => void outcome.run(() => unfollow({ variables: { input } }), t('settings.follows.unfollowed', { name }))}>
                    {t('settings.follows.unfollow')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SavedSearches({ searches }: { searches: Settings['savedSearches'] }) {
  const { t } = useTranslation('notifications');
  const [remove] = useMutation(DeleteSavedSearchDocument, { refetchQueries: [NotificationSettingsDocument], awaitRefetchQueries: true });
  const outcome = useOutcome();
  return (
    <section aria-labelledby="notif-searches-h">
      <h2 id="notif-searches-h">{t('settings.searches.title', { count: searches.length })}</h2>
      <p className="muted">{t('settings.searches.intro')} <Link to="/search">{t('settings.searches.searchLink')}</Link></p>
      <Outcome ok={outcome.ok} error={outcome.error} />
      {searches.length === 0 ? <Empty>{t('settings.searches.none')}</Empty> : (
        <ul className="notif-searches">
          {searches.map((s) => {
            const nameId = `search-${s.id}`;
            const filters = [
              ...s.types.map((type) => t(`savedType.${type}`)), ...s.jurisdictions, ...s.topics.map((topic) => t(`common:topic.${topic}`)),
            ];
            return (
              <li key={s.id} className="notif-row">
                <div>
                  <p className="notif-message" id={nameId}><Link to={savedSearchPath(s)}>{s.name}</Link></p>
                  <p className="notif-meta">
                    {t('settings.searches.query', { query: s.query })}
                    {filters.length > 0 && <> · {t('settings.searches.filters', { filters: filters.join(', ') })}</>}
                  </p>
                </div>
                <Button className="button" aria-describedby={nameId}
                  onPress={() => void outcome.run(() => remove({ variables: { id: s.id } }), t('settings.searches.deleted', { name: s.name }))}>
                  {t('settings.searches.delete')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
