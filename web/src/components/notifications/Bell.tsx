import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { UnreadCountDocument } from '../../gql/graphql.ts';

/** How often the bell asks for the unread count while the console is open. */
export const BELL_REFRESH_MS = 60_000;

/**
 * The header's bell: the signed-in member's unread notifications, asked for every minute and whenever the window
 * regains focus; marking read elsewhere updates it through the cache (Member.unreadCount).
 */
export default function Bell() {
  const { t } = useTranslation();
  // A hidden tab does not ask; coming back to it (focus) does.
  const { data, refetch } = useQuery(UnreadCountDocument, { pollInterval: BELL_REFRESH_MS, skipPollAttempt: () => document.hidden });
  useEffect(() => {
    const again = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [refetch]);
  const count = data?.me?.unreadCount ?? 0;
  return (
    <NavLink to="/notifications" className="bell" data-unread={count}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.8V3a1.5 1.5 0 0 0-3 0v1.2A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" /></svg>
      <span className="visually-hidden">{t('header.bell', { count })}</span>
      {count > 0 && <span className="bell-count" aria-hidden="true">{count > 99 ? '99+' : count}</span>}
    </NavLink>
  );
}
