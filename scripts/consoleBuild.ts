import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the built console lives; the gateway serves it at /. */
export const CONSOLE_DIST = join(root, 'web/dist');
const HASH_FILE = join(CONSOLE_DIST, '.source-hash');
const SOURCES = ['web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/src', 'web/public', 'package-lock.json', 'scripts/consoleBuild.ts'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** A hash of everything the console's build reads: paths and contents. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => files(join(root, s)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the console when its sources changed since the last build; says which it did. */
export async function ensureConsoleBuilt(say: (line: string) => void = () => undefined): Promise<{ built: boolean }> {
  const hash = consoleSourceHash();
  const previous = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : null;
  if (previous === hash && existsSync(join(CONSOLE_DIST, 'index.html'))) {
    say('Web console: up to date (sources unchanged since the last build).');
    return { built: false };
  }
  say(previous ? 'Web console: sources changed, building...' : 'Web console: building it for the first time...');
  const began = Date.now();
  const { build } = await import('vite');
  // React and the JSX transform pick their development builds from NODE_ENV, which test runs and `npm start` in
  // development set: the console is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'web/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(HASH_FILE, `${hash}\n`);
  say(`Web console: built in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
  return { built: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureConsoleBuilt(console.log);
}
