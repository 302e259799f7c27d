import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../States.tsx';
import { NotificationSettingsDocument, SaveSearchDocument } from '../../gql/graphql.ts';
import type { SearchState } from '../search/searchUrl.ts';
import { defaultSearchName, saveSearchInput } from './notificationLogic.ts';
import './notifications.css';

/** "Save this search": the query and filters on screen, under a name, to be told of new matches. Its own chunk. */
export default function SaveSearch({ state }: { state: SearchState }) {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [save, { loading }] = useMutation(SaveSearchDocument, { refetchQueries: [NotificationSettingsDocument] });
  const nameId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const result = await save({ variables: { input: saveSearchInput(state, name) } });
      setSaved(result.data?.saveSearch.name ?? name);
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="save-search">
      {!open ? (
        <Button className="button" onPress={() => { setName(defaultSearchName(state.q)); setSaved(null); setError(null); setOpen(true); }}>
          {t('saveSearch.open')}
        </Button>
      ) : (
        <form onSubmit={(e) => void submit(e)} aria-label={t('saveSearch.formLabel')}>
          <div className="field">
            <label htmlFor={nameId}>{t('saveSearch.name')}</label>
            <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} required />
          </div>
          <Button type="submit" className="button button-primary" isDisabled={loading}>{t('saveSearch.save')}</Button>
          <Button className="button" onPress={() => setOpen(false)}>{t('saveSearch.cancel')}</Button>
        </form>
      )}
      <p className="muted" role="status">
        {saved && <>{t('saveSearch.saved', { name: saved })} <Link to="/notifications/settings">{t('saveSearch.manage')}</Link></>}
      </p>
      {error !== null && <ErrorState error={error} />}
    </div>
  );
}
