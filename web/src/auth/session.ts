// The member's token lives in this tab's sessionStorage (never localStorage): closing the tab signs out.

export interface Session {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  mode: 'demo' | 'oidc';
}

const KEY = 'eunomia.session';
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return s.token && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

/** Calls `listener` whenever the session changes; returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The member id (`sub`) a token names, or null when it cannot be read. */
export function subjectOf(token: string): string | null {
  try {
    return (JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? null;
  } catch {
    return null;
  }
}
