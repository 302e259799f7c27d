import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { consoleConfig } from './consoleConfig.ts';
import type { ConsoleConfig } from './consoleConfig.ts';
import { demoToken } from './demoSignIn.ts';
import { clearSession, currentSession, onSessionChange, saveSession } from './session.ts';
import type { Session } from './session.ts';

interface Auth {
  session: Session | null;
  config: ConsoleConfig | null;
  signInAsDemo(memberId: string): Promise<void>;
  /** Production: redirects to the identity provider, coming back to `returnTo`. */
  signInWithProvider(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(currentSession);
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  useEffect(() => {
    void consoleConfig().then(setConfig, () => setConfig({ auth: 'demo' }));
  }, []);
  useEffect(() => {
    // With automatic silent renew the provider's manager must exist as soon as a session does.
    if (config?.auth === 'oidc' && session) void import('./oidc.ts').then((m) => m.oidcManager(config));
  }, [config, session]);
  useEffect(() => {
    if (!session) return;
    const left = session.expiresAt - Date.now();
    const timer = setTimeout(() => setSession(currentSession()), Math.min(Math.max(left, 0), 2_147_000_000));
    return () => clearTimeout(timer);
  }, [session]);

  const signInAsDemo = useCallback(async (memberId: string) => saveSession(await demoToken(memberId)), []);
  const signInWithProvider = useCallback(async (returnTo: string) => {
    const cfg = config ?? (await consoleConfig());
    if (cfg.auth !== 'oidc') throw new Error('This deployment has no identity provider.');
    await (await import('./oidc.ts')).oidcSignIn(cfg, returnTo);
  }, [config]);
  const signOut = useCallback(async () => {
    const cfg = config ?? (await consoleConfig().catch(() => null));
    if (cfg?.auth === 'oidc') await (await import('./oidc.ts')).oidcSignOut(cfg);
    else clearSession();
  }, [config]);

  const value = useMemo(() => ({ session, config, signInAsDemo, signInWithProvider, signOut }), [session, config, signInAsDemo, signInWithProvider, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
