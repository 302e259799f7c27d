import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../api/useMe.ts';

/** The legal pages' own navigation: frameworks, transposition, positions compared, my contributions, the review queue. */
export function LegalNav() {
  const { t } = useTranslation('legal');
  const { me } = useMe();
  return (
    <nav className="legal-nav" aria-label={t('nav.label')}>
      <NavLink to="/legal" end>{t('nav.frameworks')}</NavLink>
      <NavLink to="/legal/transposition">{t('nav.transposition')}</NavLink>
      <NavLink to="/legal/compare">{t('nav.compare')}</NavLink>
      {me && <NavLink to="/legal/contributions">{t('nav.contributions')}</NavLink>}
      {me?.roles.includes('REVIEWER') && <NavLink to="/legal/review">{t('nav.review')}</NavLink>}
    </nav>
  );
}
