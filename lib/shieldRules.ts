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

type FieldMiddleware = Record<string, Record<string, unknown>>;
type RuleTree = Record<string, unknown>;

/** A rule object (what applies to every field of a type), as opposed to a map of rules by field. */
const isRule = (x: unknown): boolean => typeof (x as { resolve?: unknown } | undefined)?.resolve === 'function';

/** The rule graphql-shield applies to a field: the field's own, else the type's (`'*'` or whole), else the fallback. */
export function effectiveRule(tree: RuleTree, typeName: string, fieldName: string, fallback: unknown = deny): unknown {
  const typeRules = tree[typeName];
  if (typeRules === undefined) return fallback;
  if (isRule(typeRules)) return typeRules;
  const byField = typeRules as Record<string, unknown>;
  return byField[fieldName] ?? byField['*'] ?? fallback;
}

/**
 * The subgraph's shield: deny by default, federation fields allowed, coded errors kept, others masked. Given the
 * schema, it allows only the federation fields it has (a subgraph without entities has no `_entities`).
 *
 * graphql-shield builds a middleware for every field; only those whose rule is not `allow` are kept, so that an
 * allowed field resolves as its resolver does (synchronously when it can) and a field without a rule stays denied.
 * `guarded` names the fields kept (`Type.field`).
 */
export function buildShield(rules: IRules, schema: GraphQLSchema): { middleware: FieldMiddleware; guarded: Set<string> } {
  const r = rules as RuleTree;
  const query = (r.Query ?? {}) as Record<string, unknown>;
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  const federation = Object.fromEntries(['_service', '_entities'].filter((f) => f in queryFields).map((f) => [f, allow] as const));
  const tree: RuleTree = { ...r, Query: { ...query, ...federation }, _Service: allow };
  const generated = shield(tree as IRules, {
    fallbackRule: deny,
    allowExternalErrors: false,
    debug: false,
    fallbackError: async (thrown: unknown) => {
      if (thrown === null || thrown === undefined) return forbidden();
      if (thrown instanceof GraphQLError && KEPT_CODES.has(String(thrown.extensions?.code))) return thrown;
      return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: thrown as Error });
    },
  }).generate(schema) as FieldMiddleware;
  const middleware: FieldMiddleware = {};
  const guarded = new Set<string>();
  for (const [typeName, fields] of Object.entries(generated)) {
    for (const [fieldName, guard] of Object.entries(fields)) {
      if (effectiveRule(tree, typeName, fieldName) === allow) continue;
      (middleware[typeName] ??= {})[fieldName] = guard;
      guarded.add(`${typeName}.${fieldName}`);
    }
  }
  return { middleware, guarded };
}
