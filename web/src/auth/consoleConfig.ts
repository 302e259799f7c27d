/** How this deployment signs members in, as the gateway describes it at /console/config.json. */
export type ConsoleConfig =
  | { auth: 'demo' }
  | { auth: 'oidc'; issuer: string; clientId: string; scope: string };

let loaded: Promise<ConsoleConfig> | null = null;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/console/config.json', { headers: { accept: 'application/json' } }).then((r) => {
    if (!r.ok) throw new Error(`console configuration: HTTP ${r.status}`);
    return r.json() as Promise<ConsoleConfig>;
  });
  return loaded;
}
