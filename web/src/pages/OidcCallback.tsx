import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { consoleConfig } from '../auth/consoleConfig.ts';
import { ErrorState, Loading } from '../components/States.tsx';

/** Where the identity provider sends the browser back: completes the sign-in (or a silent renewal in an iframe). */
export default function OidcCallback({ mode }: { mode: 'redirect' | 'silent' }) {
  const { t } = useTranslation('signin');
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void (async () => {
      const cfg = await consoleConfig();
      if (cfg.auth !== 'oidc') return navigate('/sign-in', { replace: true });
      const oidc = await import('../auth/oidc.ts');
      if (mode === 'silent') return oidc.oidcSilentCallback(cfg);
      navigate(await oidc.oidcCallback(cfg), { replace: true });
    })().catch(setError);
  }, [mode, navigate]);
  if (mode === 'silent') return null;
  return <main id="main" className="page">{error ? <ErrorState error={error} /> : <Loading label={t('completing')} />}</main>;
}
