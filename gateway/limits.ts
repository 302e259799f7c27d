import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { ArgumentNode, DocumentNode, FieldNode, GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema as Schema, ValidationContext, ValidationRule, ValueNode } from 'graphql';
import type { GatewayLimits } from '../lib/config.ts';
import { BoundedMap } from '../lib/boundedMap.ts';
import { MAX_PAGE } from '../lib/pagination.ts';
import { graphql } from './graphql.ts';

const { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, TypeInfo, parse, validate, visit, visitWithTypeInfo } = graphql;

/** The shape rules read only the document; validate() still wants a schema. */
const SHAPE_ONLY_SCHEMA = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { _: { type: GraphQLString } } }) });

export type OperationLimits = Pick<GatewayLimits, 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_TOKENS' | 'MAX_COST'>;

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Documents and variable sets whose verdict is remembered, per check (clients repeat the same few operations), and the
 * longest key remembered: at most 1,000 keys of 8,192 characters each per check, whatever clients send.
 */
const REMEMBERED = 1000;
const LONGEST_REMEMBERED = 8192;

type Verdict = { message: string; code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT' } | null;

/** graphql-armor reports limits as "Syntax Error: ..."; they are validation errors with a plain message. */
function reportTo(context: ValidationContext | null, error: GraphQLErrorType) {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}

function refused(message: string, code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT' | 'OPERATION_RESOLUTION_FAILURE'): GraphQLErrorType {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * The operation limits: token count at parse time; depth, aliases (`__typename` included) and directives as
 * validation rules; page sizes and cost once the operation's variables are known.
 */
export function operationLimits(limits: OperationLimits, opts: { production: boolean }) {
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [reportTo] };
  const off = { enabled: false };
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: off, // hideSchemaDetailsFromClientErrors already removes "Did you mean"
    maxTokens: off, // graphql-js counts tokens while parsing (parseOptions.maxTokens)
    costLimit: off, // priced below, with variables and argument defaults
    maxDepth: { ...common, n: limits.MAX_DEPTH, flattenFragments: true, ignoreIntrospection: !opts.production },
    maxAliases: { ...common, n: limits.MAX_ALIASES, allowList: [] },
    maxDirectives: { ...common, n: limits.MAX_DIRECTIVES },
  }).protect();
  const [costRule] = new ApolloArmor({
    blockFieldSuggestion: off, maxTokens: off, maxDepth: off, maxAliases: off, maxDirectives: off,
    costLimit: { ...common, maxCost: limits.MAX_COST, flattenFragments: true, ignoreIntrospection: !opts.production },
  }).protect().validationRules as ValidationRule[];

  // A verdict depends on the schema, the document, the operation and its variables only.
  const verdicts = new BoundedMap<Verdict>(REMEMBERED, LONGEST_REMEMBERED);
  let verdictsOf: Schema | null = null;
  const verdictOf = (schema: Schema, document: DocumentNode, variables: Record<string, unknown>): Verdict => {
    const { priced, pageErrors } = priceable(schema, document, variables);
    if (pageErrors.length) return { message: pageErrors[0]!, code: 'BAD_USER_INPUT' };
    const errors = validate(schema, priced, [costRule!]);
    return errors.length ? { message: errors[0]!.message, code: 'GRAPHQL_VALIDATION_FAILED' } : null;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx: GraphQLRequestContextDidResolveOperation<object>) {
          const { document, schema, operation } = ctx;
          // Left to the gateway, an operation name the document lacks fails as an internal error.
          if (!operation) {
            const name = ctx.request.operationName;
            throw refused(name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.', 'OPERATION_RESOLUTION_FAILURE');
          }
          const variables = { ...defaultsOf(operation.variableDefinitions ?? []), ...(ctx.request.variables ?? {}) };
          if (verdictsOf !== schema) {
            verdicts.clear();
            verdictsOf = schema;
          }
          const key = JSON.stringify([ctx.source, operation.name?.value ?? null, variables]);
          let verdict = verdicts.get(key);
          if (verdict === undefined) {
            verdict = verdictOf(schema, document, variables);
            verdicts.set(key, verdict);
          }
          if (verdict) throw refused(verdict.message, verdict.code);
        },
      };
    },
  };
  const shapeRules = validationRules as ValidationRule[];

  /**
   * Depth, aliases and directives checked before Apollo sees the operation: the refusal is then the only error
   * (graphql's own rules would add one per repeated directive, and some of them cost more on abusive documents).
   * A document that does not parse is left to Apollo, which answers with the parse error.
   */
  const prechecked = new BoundedMap<GraphQLFormattedError[]>(REMEMBERED, LONGEST_REMEMBERED);
  function precheck(query: unknown): GraphQLFormattedError[] {
    if (typeof query !== 'string') return [];
    const known = prechecked.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.MAX_TOKENS });
    } catch {
      return [];
    }
    const refusals = validate(SHAPE_ONLY_SCHEMA, document, shapeRules).map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    prechecked.set(query, refusals);
    return refusals;
  }

  return {
    parseOptions: { maxTokens: limits.MAX_TOKENS },
    // Also inside Apollo, for operations that reach it without the precheck.
    validationRules: shapeRules,
    plugin,
    precheck,
  };
}

function defaultsOf(definitions: readonly { variable: { name: { value: string } }; defaultValue?: ValueNode }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of definitions) if (d.defaultValue?.kind === Kind.INT) out[d.variable.name.value] = Number(d.defaultValue.value);
  return out;
}

const intArgument = (name: string, value: number): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value: { kind: Kind.INT, value: String(value) },
});

/**
 * The document as it will run: `first`/`last` given through variables become literals and omitted ones take
 * their schema default, so the cost counts the page sizes really asked for. Also checks every page size.
 */
function priceable(schema: Schema, document: DocumentNode, variables: Record<string, unknown>) {
  const typeInfo = new TypeInfo(schema);
  const pageErrors: string[] = [];
  const priced = visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      enter(node: FieldNode) {
        const def = typeInfo.getFieldDef();
        if (!def) return undefined;
        let changed = false;
        const args = (node.arguments ?? []).map((arg) => {
          if (!PAGE_ARGUMENTS.has(arg.name.value)) return arg;
          // A variable left unset takes the argument's default, as execution will.
          const value = arg.value.kind === Kind.INT ? Number(arg.value.value)
            : arg.value.kind === Kind.VARIABLE ? (variables[arg.value.name.value] ?? def.args.find((d) => d.name === arg.name.value)?.defaultValue)
            : undefined;
          if (typeof value !== 'number' || !Number.isInteger(value)) return arg;
          if (value < 1 || value > MAX_PAGE) pageErrors.push(`${arg.name.value} must be between 1 and ${MAX_PAGE}.`);
          if (arg.value.kind === Kind.INT) return arg;
          changed = true;
          return intArgument(arg.name.value, value);
        });
        for (const a of def.args) {
          if (PAGE_ARGUMENTS.has(a.name) && Number.isInteger(a.defaultValue) && !args.some((x) => x.name.value === a.name)) {
            args.push(intArgument(a.name, a.defaultValue as number));
            changed = true;
          }
        }
        return changed ? { ...node, arguments: args } : undefined;
      },
    },
  }));
  return { priced, pageErrors };
}
