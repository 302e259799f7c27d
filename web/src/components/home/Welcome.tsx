import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What an anonymous visitor sees: what the platform is, where to start, and an invitation to sign in. */
export function Welcome() {
  const { t } = useTranslation('home');
  return (
    <section className="page home-welcome" aria-labelledby="home-welcome-heading">
      <h1 id="home-welcome-heading">{t('welcome.heading')}</h1>
      <p className="home-lead">{t('welcome.lead')}</p>
      <ul className="home-points">
        <li>{t('welcome.points.compare')}</li>
        <li>{t('welcome.points.search')}</li>
        <li>{t('welcome.points.access')}</li>
      </ul>
      <p className="home-actions">
        <Link className="button button-primary" to="/search">{t('welcome.search')}</Link>
        <Link className="button" to="/compare">{t('welcome.compare')}</Link>
      </p>
      <aside className="home-signin" aria-labelledby="home-signin-heading">
        <h2 id="home-signin-heading">{t('welcome.signInHeading')}</h2>
        <p>{t('welcome.signInText')}</p>
        <Link className="button" to="/sign-in">{t('welcome.signIn')}</Link>
      </aside>
    </section>
  );
}
