import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../api/errors.ts';
import { NotificationsNav } from '../components/notifications/NotificationsNav.tsx';
import { itemPath, newerPage, olderPage } from '../components/notifications/notificationLogic.ts';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { MarkAllNotificationsReadDocument, MarkNotificationsReadDocument, NotificationsDocument, UnreadCountDocument } from '../gql/graphql.ts';
import type { NotificationsQuery } from '../gql/graphql.ts';
import { formatDateTime } from '../i18n/format.ts';
import '../components/notifications/notifications.css';

const PAGE_SIZE = 20;
type Notification = NonNullable<NotificationsQuery['me']>['notifications']['nodes'][number];

/** The member's notifications, newest first, a page at a time: unread ones marked, each leading to its item. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('list.title'));
  const [trail, setTrail] = useState<(string | null)[]>([null]);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const after = trail[trail.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(NotificationsDocument, {
    variables: { first: PAGE_SIZE, after, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  // Marking read changes the list and the bell: both are asked again (the bell also through the cache's unread count).
  const again = { refetchQueries: [NotificationsDocument, UnreadCountDocument], awaitRefetchQueries: true };
  const [markRead] = useMutation(MarkNotificationsReadDocument, again);
  const [markAll, markAllState] = useMutation(MarkAllNotificationsReadDocument, again);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const me = (data ?? previousData)?.me;
  const list = me?.notifications;
  const act = async (run: () => Promise<unknown>, message: string) => {
    setFailure(null);
    setDone(null);
    try {
      await run();
      setDone(message);
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <section className="page notif-page">
      <h1>{t('list.title')}</h1>
      <NotificationsNav />
      {!list && loading ? <Loading /> : !list ? (error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <Empty />) : (
        <>
          <div className="notif-toolbar">
            <p className="notif-summary" role="status">{t('list.summary', { count: me!.unreadCount })}</p>
            <label className="notif-option">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.target.checked); setTrail([null]); }} />
              {t('list.unreadOnly')}
            </label>
            <Button className="button" isDisabled={me!.unreadCount === 0 || markAllState.loading}
              onPress={() => void act(() => markAll(), t('list.allMarked'))}>
              {t('list.markAll')}
            </Button>
          </div>
          <p className="visually-hidden" role="status">{done}</p>
          {failure !== null && <p className="state-error" role="alert">{errorSentence(failure, t)}</p>}
          {list.nodes.length === 0 ? <Empty>{unreadOnly ? t('list.noneUnread') : t('list.none')}</Empty> : (
            <ol className="notif-list" aria-busy={loading} aria-label={t('list.label')}>
              {list.nodes.map((n) => (
                <NotificationItem key={n.id} n={n} onRead={() => void act(() => markRead({ variables: { ids: [n.id] } }), t('list.oneMarked'))} />
              ))}
            </ol>
          )}
          {(trail.length > 1 || list.pageInfo.hasNextPage) && (
            <nav className="notif-pages" aria-label={t('list.pages')}>
              {trail.length > 1 ? <Button className="button" onPress={() => setTrail(newerPage(trail))}>{t('list.newer')}</Button> : <span />}
              <span className="muted">{t('list.page', { page: trail.length })}</span>
              {list.pageInfo.hasNextPage && list.pageInfo.endCursor
                ? <Button className="button" onPress={() => setTrail(olderPage(trail, list.pageInfo.endCursor!))}>{t('list.older')}</Button> : <span />}
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function NotificationItem({ n, onRead }: { n: Notification; onRead: () => void }) {
  const { t } = useTranslation('notifications');
  const unread = !n.readAt;
  const path = n.available && n.item ? itemPath(n.item) : null;
  const messageId = `notif-${n.id}`;
  return (
    <li className="notif-item" data-unread={unread}>
      <div>
        {/* The platform writes notifications in English. */}
        <p className="notif-message" id={messageId} lang="en">
          {unread && <span className="visually-hidden">{t('list.unread')} </span>}
          {path ? <Link to={path} onClick={unread ? onRead : undefined}>{n.message}</Link> : n.message}
        </p>
        {!n.available && <p className="notif-meta notif-gone">{t('list.gone')}</p>}
        <p className="notif-meta">
          {unread && <span className="badge badge-warn">{t('list.new')}</span>}{' '}
          {t(`kind.${n.kind}`)} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        </p>
      </div>
      {unread && <Button className="button" aria-describedby={messageId} onPress={onRead}>{t('list.markRead')}</Button>}
    </li>
  );
}
