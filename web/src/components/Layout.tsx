import { lazy, Suspense, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { useMe } from '../api/useMe.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Loading } from './States.tsx';

// The bell is for signed-in members only: its own small chunk, which signed-out visitors never fetch. Its chunk and its
// count come after the page's own work (a second and a half in, once the browser is idle), so that they never delay
// what the member opened the page for; a slot of its size keeps the header from moving when it appears.
const Bell = lazy(() => import('./notifications/Bell.tsx'));
const BELL_DELAY_MS = 1500;
const bellSlot = <span className="bell-slot" aria-hidden="true" />;

function useDeferred(ms: number): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let idle: number | undefined;
    const timer = setTimeout(() => {
      if ('requestIdleCallback' in window) idle = window.requestIdleCallback(() => setReady(true), { timeout: 1000 });
      else setReady(true);
    }, ms);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [ms]);
  return ready;
}

export function Layout() {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="site-header">
        <div className="brand">
          <NavLink to="/" className="brand-name">{t('appName')}</NavLink>
          <span className="brand-tagline">{t('tagline')}</span>
        </div>
        <HeaderSearch />
        <LanguageSwitcher />
        <MemberBox />
      </header>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <NavLink to="/" end>{t('nav.home')}</NavLink>
        <NavLink to="/search">{t('nav.search')}</NavLink>
        <NavLink to="/compare">{t('nav.compare')}</NavLink>
        <NavLink to="/legal">{t('nav.legal')}</NavLink>
        {me?.roles.includes('REVIEWER') && <NavLink to="/legal/review">{t('nav.review')}</NavLink>}
        <NavLink to="/workshops">{t('nav.workshops')}</NavLink>
        {me && <NavLink to="/training" end>{t('nav.training')}</NavLink>}
        {me?.tier && <NavLink to="/training/report">{t('nav.trainingReport')}</NavLink>}
        {me?.roles.includes('EDITOR') && <NavLink to="/procedures/new">{t('nav.newProcedure')}</NavLink>}
        {me?.roles.includes('AUDITOR') && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
        {me?.roles.includes('ADMIN') && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const [text, setText] = useState(location.pathname === '/search' ? params.get('q') ?? '' : '');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <SearchField value={text} onChange={setText} onSubmit={() => submit()} aria-label={t('header.searchLabel')}>
        <Label className="visually-hidden">{t('header.searchLabel')}</Label>
        <Input placeholder={t('header.searchPlaceholder')} />
      </SearchField>
      <Button type="submit" className="button">{t('header.searchSubmit')}</Button>
    </form>
  );
}

function MemberBox() {
  const { t } = useTranslation();
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useMe();
  const bellReady = useDeferred(BELL_DELAY_MS);
  if (!session) {
    return (
      <div className="member-box">
        <NavLink className="button" to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('header.signIn')}</NavLink>
      </div>
    );
  }
  return (
    <div className="member-box">
      {bellReady ? <Suspense fallback={bellSlot}><Bell /></Suspense> : bellSlot}
      {me && (
        <div className="member" data-testid="member">
          <span className="member-name">{me.displayName}</span>
          <span className="member-detail">{t('header.memberSummary', { agency: me.agency.name, tier: t(`tier.${me.tier ?? 'none'}`) })}</span>
        </div>
      )}
      <Button className="button button-quiet" onPress={() => void signOut().then(() => navigate('/'))}>{t('header.signOut')}</Button>
    </div>
  );
}
