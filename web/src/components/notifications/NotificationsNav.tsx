import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LocalMailDocument } from '../../gql/graphql.ts';

/** The notification pages' own links; the local mail page only where the platform keeps a local outbox (development). */
export function NotificationsNav() {
  const { t } = useTranslation('notifications');
  const mail = useQuery(LocalMailDocument, { variables: { first: 1 }, errorPolicy: 'all' });
  return (
    <nav className="notif-nav" aria-label={t('nav.label')}>
      <NavLink to="/notifications" end>{t('list.link')}</NavLink>
      <NavLink to="/notifications/settings">{t('settings.link')}</NavLink>
      {mail.data?.localMail && !mail.error && <NavLink to="/notifications/mail">{t('mail.link')}</NavLink>}
    </nav>
  );
}
