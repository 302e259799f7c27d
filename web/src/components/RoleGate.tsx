import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import type { Role } from '../gql/graphql.ts';
import { Loading } from './States.tsx';

/**
 * A page for members holding `role`: others see the page's title and why they cannot use it (the API would refuse
 * them anyway); nothing is asked of the API for them.
 */
export function RoleGate({ role, title, children }: { role: Role; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const { me, loading } = useMe();
  const location = useLocation();
  if (session && !me && loading) return <section className="page"><Loading /></section>;
  if (me?.roles.includes(role)) return <>{children}</>;
  return (
    <section className="page page-narrow">
      <h1>{title}</h1>
      <p className="notice" role="status">{t('roleGate.needRole', { role: t(`role.${role}`) })}</p>
      {session
        ? <p>{me?.roles.length ? t('roleGate.yourRoles', { roles: me.roles.map((r) => t(`role.${r}`)).join(', ') }) : t('roleGate.noRoles')}</p>
        : <p><Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('header.signIn')}</Link></p>}
    </section>
  );
}
