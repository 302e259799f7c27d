import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { demoMembers } from '../auth/demoSignIn.ts';
import type { DemoMember } from '../auth/demoSignIn.ts';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

export default function SignIn() {
  const { t } = useTranslation('signin');
  usePageTitle(t('title'));
  const { config } = useAuth();
  const [params] = useSearchParams();
  const next = params.get('next');
  const returnTo = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <section className="page page-narrow">
      <h1>{t('title')}</h1>
      {params.get('expired') && <p className="notice" role="status">{t('expired')}</p>}
      {!config ? <Loading /> : config.auth === 'oidc' ? <ProviderSignIn returnTo={returnTo} /> : <DemoSignIn returnTo={returnTo} />}
    </section>
  );
}

function ProviderSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation('signin');
  const { signInWithProvider } = useAuth();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <p>{t('providerIntro')}</p>
      <Button className="button button-primary" onPress={() => signInWithProvider(returnTo).catch((e: Error) => setError(e.message))}>
        {t('providerButton')}
      </Button>
      {error && <p role="alert" className="state-error">{t('failed', { message: error })}</p>}
    </>
  );
}

function DemoSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation('signin');
  const { t: common } = useTranslation();
  const { signInAsDemo } = useAuth();
  const navigate = useNavigate();
  const [members, setMembers] = useState<DemoMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    demoMembers().then(setMembers, setError);
  }, []);
  if (error) return <ErrorState error={error} />;
  if (!members) return <Loading />;
  return (
    <>
      <p>{t('demoIntro')}</p>
      <table className="table table-stack demo-members">
        <caption className="visually-hidden">{t('demoListLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.member')}</th>
            <th scope="col">{t('columns.agency')}</th>
            <th scope="col">{t('columns.tier')}</th>
            <th scope="col">{t('columns.roles')}</th>
            <th scope="col"><span className="visually-hidden">{t('columns.action')}</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.displayName}<div className="muted">{m.id}</div></th>
              <td>{m.agency.name}</td>
              <td>{common(`tier.${m.tier ?? 'none'}`)}</td>
              <td>{m.roles.length ? m.roles.map((r) => common(`role.${r}`)).join(', ') : t('noRoles')}</td>
              <td>
                <Button
                  className="button"
                  aria-label={t('signInAs', { name: m.displayName })}
                  onPress={() => signInAsDemo(m.id).then(() => navigate(returnTo, { replace: true }), setError)}
                >
                  {t('columns.action')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
