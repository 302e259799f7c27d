import { describe, expect, it } from 'vitest';
import { ConfigError, gatewayLimitsOf, loadConfig, loadGatewayLimits, publicUrlOf } from '../lib/config.ts';

describe('configuration', () => {
  it('has defaults for embedded mode', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ PORT: 4000, DATA_DIR: '.data', production: false });
    expect(cfg.DATABASE_URL).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DIRECTORY_PORT: '99999' }, ['directory'])).toThrow(/DIRECTORY_PORT/);
    expect(() => loadConfig({ DIRECTORY_URL: 'directory' }, ['directory'])).toThrow(/DIRECTORY_URL/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(/OIDC_JWKS_URL/);
  });

  it('reads the ports and URLs of the subgraphs its caller names, and only theirs', () => {
    const env = { DIRECTORY_PORT: '5001', DIRECTORY_URL: 'http://directory:4001/graphql', KUBERNETES_PORT: 'tcp://10.0.0.1:443' };
    const cfg = loadConfig(env, ['directory', 'search']);
    expect(cfg.subgraphPorts).toEqual({ directory: 5001 });
    expect(cfg.subgraphUrls).toEqual({ directory: 'http://directory:4001/graphql' });
    const none = loadConfig(env);
    expect([none.subgraphPorts, none.subgraphUrls]).toEqual([{}, {}]);
  });

  it('refuses production without a database, a JWT verification setup and the subgraph secret', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/DATABASE_URL/);
    expect(String(error)).toMatch(/SUBGRAPH_SECRET/);
    expect(String(error)).toMatch(/OIDC_JWKS_URL/);
    const ok = loadConfig({
      NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/eunomia', SUBGRAPH_SECRET: 's'.repeat(32),
      OIDC_JWKS_URL: 'https://id.example/jwks', OIDC_ISSUER: 'https://id.example', OIDC_AUDIENCE: 'eunomia',
    });
    expect(ok.production).toBe(true);
  });

  it('has gateway limits with defaults, each tunable', () => {
    const defaults = {
      MAX_DEPTH: 7, MAX_ALIASES: 15, MAX_DIRECTIVES: 5, MAX_TOKENS: 1000, MAX_COST: 20_000,
      RATE_LIMIT_PER_MINUTE: 600, RATE_LIMIT_BURST: 200, OPERATION_TIMEOUT_MS: 10_000, TRUST_PROXY: '0',
      SUBGRAPH_FETCHER: 'pooled',
    };
    expect(loadConfig({})).toMatchObject(defaults);
    expect(loadGatewayLimits({})).toEqual(defaults);
    const tuned = loadConfig({ MAX_DEPTH: '8', RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5', OPERATION_TIMEOUT_MS: '2500', TRUST_PROXY: '1' });
    expect(tuned).toMatchObject({ MAX_DEPTH: 8, RATE_LIMIT_PER_MINUTE: 60, RATE_LIMIT_BURST: 5, OPERATION_TIMEOUT_MS: 2500, TRUST_PROXY: '1' });
    expect(gatewayLimitsOf(tuned)).toEqual({ ...defaults, MAX_DEPTH: 8, RATE_LIMIT_PER_MINUTE: 60, RATE_LIMIT_BURST: 5, OPERATION_TIMEOUT_MS: 2500, TRUST_PROXY: '1' });
    expect(loadGatewayLimits({ TRUST_PROXY: 'loopback,10.0.0.0/8,fd00::/8,192.0.2.1' }).TRUST_PROXY).toBe('loopback,10.0.0.0/8,fd00::/8,192.0.2.1');
    expect(loadGatewayLimits({ SUBGRAPH_FETCHER: 'default' }).SUBGRAPH_FETCHER).toBe('default');
  });

  it.each([
    ['MAX_DEPTH', 'deep'], ['MAX_DEPTH', '1'], ['MAX_ALIASES', '-1'], ['MAX_DIRECTIVES', '2.5'], ['MAX_TOKENS', '10'],
    ['MAX_COST', '0'], ['RATE_LIMIT_PER_MINUTE', '0'], ['RATE_LIMIT_BURST', 'many'], ['OPERATION_TIMEOUT_MS', '0'],
    ['OPERATION_TIMEOUT_MS', '10s'], ['TRUST_PROXY', 'yes'], ['TRUST_PROXY', '10.0.0.0/33'], ['TRUST_PROXY', 'loopback,,10.0.0.1'],
    ['TRUST_PROXY', '-1'], ['TRUST_PROXY', '10.0.0.0/8/1'], ['SUBGRAPH_FETCHER', 'curl'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
    expect(() => loadGatewayLimits({ [name]: value })).toThrow(ConfigError);
  });
});

describe('e-mail settings', () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      return (err as Error).message;
    }
    return null;
  };

  it('takes smtp:// and smtps:// URLs, with or without credentials, and a sender', () => {
    const cfg = loadConfig({ SMTP_URL: 'smtps://mailer:s3cret@mail.example.org:465', MAIL_FROM: 'Eunomia <notifications@example.org>' });
    expect([cfg.SMTP_URL, cfg.MAIL_FROM]).toEqual(['smtps://mailer:s3cret@mail.example.org:465', 'Eunomia <notifications@example.org>']);
    expect(loadConfig({ SMTP_URL: 'smtp://relay.internal:25', MAIL_FROM: 'notifications@example.org' }).SMTP_URL).toBe('smtp://relay.internal:25');
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
  });

  it('says what is wrong with an SMTP URL or a sender', () => {
    expect(problem({ SMTP_URL: 'mail.example.org' })).toBe(
      'Invalid environment:\n  SMTP_URL: must be a URL like smtp://user:password@mail.example.org:587 or smtps://user:password@mail.example.org:465');
    expect(problem({ SMTP_URL: 'https://mail.example.org' })).toBe('Invalid environment:\n  SMTP_URL: must start with smtp:// or smtps:// (not https://)');
    expect(problem({ SMTP_URL: 'smtp://mailer@mail.example.org:587' })).toBe(
      'Invalid environment:\n  SMTP_URL: must give both a user and a password (smtp://user:password@host:port), or neither');
    expect(problem({ MAIL_FROM: 'Eunomia' })).toBe('Invalid environment:\n  MAIL_FROM: must be an e-mail address, or a name and <address>');
  });

  it('asks for a sender in production when it sends through SMTP', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/eunomia', SUBGRAPH_SECRET: 's'.repeat(32), JWT_SECRET: 'j'.repeat(32) };
    expect(problem({ ...production, SMTP_URL: 'smtp://relay.internal:25' })).toBe(
      'Invalid environment:\n  MAIL_FROM: required when SMTP_URL is set in production (the sender of the e-mail)');
    expect(problem({ ...production, SMTP_URL: 'smtp://relay.internal:25', MAIL_FROM: 'notifications@example.org' })).toBeNull();
  });

  it('links e-mail to PUBLIC_URL, or to the gateway on this host', () => {
    expect(publicUrlOf(loadConfig({ PUBLIC_URL: 'https://eunomia.example.eu/' }))).toBe('https://eunomia.example.eu');
    expect(publicUrlOf(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(problem({ PUBLIC_URL: 'ftp://eunomia.example.eu' })).toBe('Invalid environment:\n  PUBLIC_URL: must be an http:// or https:// URL');
  });
});
