import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import LocalMail from './LocalMail.tsx';
import NotFound from './NotFound.tsx';
import Notifications from './Notifications.tsx';
import NotificationSettings from './NotificationSettings.tsx';

// The notification pages under /notifications: one chunk, fetched only when a member opens one of them. All of them
// are the signed-in member's own.
export default function NotificationRoutes() {
  const { session } = useAuth();
  if (!session) return <SignInFirst />;
  return (
    <Routes>
      <Route index element={<Notifications />} />
      <Route path="settings" element={<NotificationSettings />} />
      <Route path="mail" element={<LocalMail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function SignInFirst() {
  const { t } = useTranslation('notifications');
  const location = useLocation();
  usePageTitle(t('list.title'));
  return (
    <section className="page page-narrow">
      <h1>{t('list.title')}</h1>
      <p><Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('signInFirst')}</Link></p>
    </section>
  );
}
