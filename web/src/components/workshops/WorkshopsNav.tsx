import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The two views of the workshops: the list and the SWOT matrix across them. */
export function WorkshopsNav() {
  const { t } = useTranslation('workshops');
  return (
    <nav className="ws-subnav" aria-label={t('nav.label')}>
      <NavLink to="/workshops" end>{t('nav.list')}</NavLink>
      <NavLink to="/workshops/swot-matrix">{t('nav.matrix')}</NavLink>
    </nav>
  );
}
