import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const DEFAULT_QUERY = `# Welcome to Eunomia. Add a header {"Authorization": "Bearer <token>"}
# (npm run token -- demo-manager-es) to see what a signed-in member sees.
query Jurisdictions {
  jurisdictions(level: REGIONAL) {
    code
    name
    parent { code name }
    agencies { name kind }
  }
}
`;

/** GraphiQL as one self-contained page (no CDN), rendered once and gzipped. */
export function graphiqlPage(endpoint = '/graphql') {
  const html = renderGraphiQL({ endpoint, title: 'Eunomia GraphiQL', defaultQuery: DEFAULT_QUERY } as Parameters<typeof renderGraphiQL>[0]);
  return { html: Buffer.from(html, 'utf8'), gzip: gzipSync(html, { level: 6 }) };
}
