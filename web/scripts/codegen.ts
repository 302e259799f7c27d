import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { preset } from '@graphql-codegen/client-preset';
import { codegen } from '@graphql-codegen/core';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { buildSchema, parse, printSchema } from 'graphql';

// Typed operations for the console, from the committed supergraph's API schema (what clients may query) and the
// operations in web/src/operations/*.graphql, through GraphQL Code Generator's client preset. `--check` fails when
// the committed output is stale, as `npm run compose -- --check` does for the supergraph.

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = join(root, 'web/src/gql');
const OPERATIONS_DIR = join(root, 'web/src/operations');
const API_SCHEMA = join(OUT_DIR, 'api-schema.graphql');

export async function generate(): Promise<Map<string, string>> {
  const supergraph = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
  const apiSdl = printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());
  const documents: Types.DocumentFile[] = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql')).sort().map((f) => {
    const rawSDL = readFileSync(join(OPERATIONS_DIR, f), 'utf8');
    return { location: `web/src/operations/${f}`, document: parse(rawSDL), rawSDL };
  });
  const outputs = await preset.buildGeneratesSection({
    baseOutputDir: `${OUT_DIR}/`,
    schema: parse(apiSdl),
    schemaAst: buildSchema(apiSdl),
    documents,
    plugins: [],
    pluginMap: {},
    config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' } },
    presetConfig: { fragmentMasking: false },
    documentTransforms: [],
    pluginContext: {},
  });
  const files = new Map<string, string>([[API_SCHEMA, `${apiSdl}\n`]]);
  for (const output of outputs) files.set(output.filename, await codegen(output));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generate();
  if (process.argv.includes('--check')) {
    const stale = [...files].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
    const extra = readdirSync(OUT_DIR).map((f) => join(OUT_DIR, f)).filter((p) => !files.has(p));
    if (stale.length || extra.length) {
      console.error(`The console's typed operations are stale (${[...stale.map(([p]) => p), ...extra].map((p) => relative(root, p)).join(', ')}): run \`npm run web:codegen\` and commit the result.`);
      process.exit(1);
    }
    console.log('web/src/gql is up to date.');
  } else {
    rmSync(OUT_DIR, { recursive: true, force: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    console.log(`Wrote ${files.size} files to ${relative(root, OUT_DIR)}/.`);
  }
}
