import { createRequire } from 'node:module';

/**
 * graphql as @apollo/gateway and @apollo/server load it (the CommonJS build). An ESM import of 'graphql' may
 * resolve to the .mjs build instead (vitest does), whose type checks refuse the gateway's schema and whose errors
 * Apollo does not recognise as GraphQL errors; gateway code that touches either uses this one.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
