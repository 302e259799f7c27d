import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../api/errors.ts';
import { NotificationsNav } from '../components/notifications/NotificationsNav.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { LocalMailDocument } from '../gql/graphql.ts';
import { formatDateTime } from '../i18n/format.ts';
import '../components/notifications/notifications.css';

/** Development only: the e-mails the platform "sent" the member, kept in its local outbox instead of an SMTP server. */
export default function LocalMailPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('mail.title'));
  const { data, loading, error, refetch } = useQuery(LocalMailDocument, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const mails = data?.localMail;
  return (
    <section className="page page-narrow notif-page">
      <h1>{t('mail.title')}</h1>
      <NotificationsNav />
      {error && errorCode(error) === 'NOT_FOUND' ? <p className="notice">{t('mail.smtp')}</p>
        : !mails && loading ? <Loading />
          : !mails ? <ErrorState error={error} onRetry={() => void refetch()} />
            : (
              <>
                <p className="muted">{t('mail.intro')}</p>
                {mails.length === 0 ? <Empty>{t('mail.none')}</Empty> : (
                  <ul className="notif-mails">
                    {mails.map((m) => (
                      <li key={m.id}>
                        <h2 className="notif-mail-subject" lang="en">{m.subject}</h2>
                        <p className="notif-meta">{t('mail.sent', { to: m.to })} · <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time></p>
                        <pre className="notif-mail-text" lang="en">{m.text}</pre>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
    </section>
  );
}
