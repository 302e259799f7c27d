import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from './errors.ts';
import * as access from './access.ts';
import type { Role } from './access.ts';
import type { BaseContext } from './context.ts';

// Rules that depend only on the viewer may be cached per request ('contextual').
export const isMember = rule({ cache: 'contextual' })((_p, _a, ctx: BaseContext) =>
  access.isMember(ctx.viewer) ? true : unauthenticated('Sign in to do this.'));
const signInFirst = () => unauthenticated('Sign in to do this.');
export const isLea = rule({ cache: 'contextual' })((_p, _a, ctx: BaseContext) =>
  access.isLea(ctx.viewer) ? true : access.isMember(ctx.viewer) ? forbidden('Only law-enforcement staff may do this.') : signInFirst());
export const isManager = rule({ cache: 'contextual' })((_p, _a, ctx: BaseContext) =>
  access.isManager(ctx.viewer) ? true : access.isMember(ctx.viewer) ? forbidden('Only law-enforcement managers may do this.') : signInFirst());
const roleRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();
/** One rule instance per role set: shield refuses two rules with the same name. */
export function hasRole(...roles: Role[]) {
  const name = `hasRole-${roles.join('-')}`;
  let r = roleRules.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_p, _a, ctx: BaseContext) =>
      access.hasRole(ctx.viewer, ...roles) ? true
        : access.isMember(ctx.viewer) ? forbidden(`This needs the role ${roles.join(' or ')}.`) : signInFirst());
    roleRules.set(name, r);
  }
  return r;
}
export { allow, deny };

const KEPT_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED']);

/**
 * The subgraph's shield: deny by default, federation fields allowed, coded errors kept, others masked. Given the
 * schema, it allows only the federation fields it has (a subgraph without entities has no `_entities`).
 */
export function buildShield(rules: IRules, schema?: GraphQLSchema) {
  const r = rules as Record<string, unknown>;
  const query = (r.Query ?? {}) as Record<string, unknown>;
  const queryFields = schema?.getQueryType()?.getFields();
  const federation = Object.fromEntries(['_service', '_entities'].filter((f) => !queryFields || f in queryFields).map((f) => [f, allow] as const));
  return shield(
    { ...r, Query: { ...query, ...federation }, _Service: allow } as IRules,
    {
      fallbackRule: deny,
      allowExternalErrors: false,
      debug: false,
      fallbackError: async (thrown: unknown) => {
        if (thrown === null || thrown === undefined) return forbidden();
        if (thrown instanceof GraphQLError && KEPT_CODES.has(String(thrown.extensions?.code))) return thrown;
        return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: thrown as Error });
      },
    },
  );
}
