import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { User } from 'oidc-client-ts';
import type { ConsoleConfig } from './consoleConfig.ts';
import { clearSession, saveSession } from './session.ts';

// OpenID Connect authorization code flow with PKCE (oidc-client-ts), loaded only when the deployment uses it.

let manager: UserManager | null = null;

function sessionOf(user: User) {
  return { token: user.access_token, expiresAt: (user.expires_at ?? 0) * 1000, mode: 'oidc' as const };
}

export function oidcManager(cfg: Extract<ConsoleConfig, { auth: 'oidc' }>): UserManager {
  if (manager) return manager;
  const origin = window.location.origin;
  manager = new UserManager({
    authority: cfg.issuer,
    client_id: cfg.clientId,
    redirect_uri: `${origin}/auth/callback`,
    silent_redirect_uri: `${origin}/auth/silent`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: cfg.scope,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addUserLoaded((user) => saveSession(sessionOf(user)));
  manager.events.addUserUnloaded(() => clearSession());
  manager.events.addSilentRenewError(() => clearSession());
  return manager;
}

export async function oidcSignIn(cfg: Extract<ConsoleConfig, { auth: 'oidc' }>, returnTo: string): Promise<void> {
  await oidcManager(cfg).signinRedirect({ state: { returnTo } });
}

/** Completes the redirect back from the provider; returns where the member was going. */
export async function oidcCallback(cfg: Extract<ConsoleConfig, { auth: 'oidc' }>): Promise<string> {
  const user = await oidcManager(cfg).signinRedirectCallback();
  saveSession(sessionOf(user));
  const state = user.state as { returnTo?: string } | undefined;
  return state?.returnTo && state.returnTo.startsWith('/') ? state.returnTo : '/';
}

export async function oidcSilentCallback(cfg: Extract<ConsoleConfig, { auth: 'oidc' }>): Promise<void> {
  await oidcManager(cfg).signinSilentCallback();
}

export async function oidcSignOut(cfg: Extract<ConsoleConfig, { auth: 'oidc' }>): Promise<void> {
  const m = oidcManager(cfg);
  await m.removeUser();
  clearSession();
  await m.signoutRedirect().catch(() => undefined);
}
