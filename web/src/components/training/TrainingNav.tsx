import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../api/useMe.ts';

/** The training pages' own links: my training, curricula, and the report for law-enforcement staff. */
export function TrainingNav() {
  const { t } = useTranslation('training');
  const { me } = useMe();
  return (
    <nav className="training-nav" aria-label={t('nav.label')}>
      {me && <NavLink to="/training" end>{t('mine.link')}</NavLink>}
      <NavLink to="/training/curricula" end>{t('curricula.link')}</NavLink>
      {me?.tier && <NavLink to="/training/report">{t('report.link')}</NavLink>}
    </nav>
  );
}
