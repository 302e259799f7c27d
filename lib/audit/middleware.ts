import { Kind } from 'graphql';
import type { DocumentNode, GraphQLField, GraphQLOutputType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type { AuditCollector, AuditEntry } from './collector.ts';
import type { AuditDeclarations } from './declarations.ts';
import { isNonPublic } from './declarations.ts';
import { UNRECORDED, inMutationTransaction } from './mutationTransaction.ts';
import type { LoaderFactory, MutationContext } from './mutationTransaction.ts';

/** Error codes that mean access was refused. */
const ACCESS_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** The key field of every type with `@key` in a subgraph's SDL (its first field: `id`, `code`). */
export function keyFieldsOf(typeDefs: DocumentNode): Map<string, string> {
  const keys = new Map<string, string>();
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of def.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      const first = fields?.kind === Kind.STRING ? fields.value.trim().split(/[\s{]+/)[0] : undefined;
      if (first && !keys.has(def.name.value)) keys.set(def.name.value, first);
    }
  }
  return keys;
}

// The schema's types may come from the other build of graphql (CommonJS vs ESM, through @apollo/subgraph), where its
// instanceof-based helpers (getNamedType, isObjectType) refuse them: types are unwrapped by shape here.
const namedTypeOf = (type: GraphQLOutputType): { name: string; getFields?: () => Record<string, GraphQLField<unknown, unknown>> } => {
  let t = type as { ofType?: unknown; name?: string };
  while (t.ofType) t = t.ofType as typeof t;
  return t as ReturnType<typeof namedTypeOf>;
};

const codeOf = (err: unknown): string => {
  const code = (err as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

const idOf = (x: unknown, key = 'id'): string | null => {
  if (!x || typeof x !== 'object') return null;
  const v = (x as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
};

const idsOf = (list: unknown[]): string[] => list.map((x) => idOf(x)).filter((id): id is string => id !== null);

/**
 * What a mutation result names: itself (an object with an id, or a list of them), or else the first field of a
 * result object holding such objects (e.g. a result type listing the assignments it made).
 */
function mutationTarget(value: unknown, returnType: GraphQLOutputType): { entityType: string; ids: string[]; objects: object[] } {
  const named = namedTypeOf(returnType);
  if (Array.isArray(value)) return { entityType: named.name, ids: idsOf(value), objects: value.filter((v) => v && typeof v === 'object') };
  if (value && typeof value === 'object') {
    const id = idOf(value);
    if (id !== null) return { entityType: named.name, ids: [id], objects: [value] };
    if (named.getFields) {
      for (const [name, field] of Object.entries(named.getFields())) {
        const inner = (value as Record<string, unknown>)[name];
        const list = (Array.isArray(inner) ? inner : [inner]).filter((v): v is object => !!v && typeof v === 'object');
        const ids = idsOf(list);
        if (ids.length) return { entityType: namedTypeOf(field.type).name, ids, objects: list };
      }
    }
  }
  return { entityType: named.name, ids: [], objects: [] };
}

/** Runs a resolver; calls `then` on its value or on what its promise resolves to, and `fail` on an error thrown or returned. */
function observe(run: () => unknown, then: (value: unknown) => void, fail: (err: unknown) => void): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (err) {
    fail(err);
    throw err;
  }
  const settle = (value: unknown) => {
    if (value instanceof Error) fail(value);
    else then(value);
    return value;
  };
  if (result instanceof Promise) {
    return result.then(settle, (err) => {
      fail(err);
      throw err;
    });
  }
  return settle(result);
}

export interface AuditedSubgraph {
  name: string;
  typeDefs: DocumentNode;
  audit?: AuditDeclarations;
  /** Its per-request loaders, rebuilt over a mutation's transaction so that the mutation reads its own writes. */
  createLoaders?: LoaderFactory;
}

type FieldMiddleware = IMiddlewareFunction<unknown, unknown, Record<string, unknown>>;
type AuditedField = { type: GraphQLOutputType; resolve?: unknown };
type AbstractType = { name: string; resolveType?: (value: unknown, ctx: unknown, info: GraphQLResolveInfo, type: unknown) => unknown };

const kindOf = (type: unknown): string => Object.prototype.toString.call(type);
const isThenable = (x: unknown): x is PromiseLike<unknown> => typeof (x as { then?: unknown } | null)?.then === 'function';

/**
 * The kernel's audit, as graphql-middleware applied outside the shield on the fields where it has something to do
 * (every other field resolves untouched):
 * - a Mutation field runs in one transaction with its MUTATION row (ALLOWED with the ids it returned), so that a change
 *   never commits without its row; refused (FORBIDDEN/UNAUTHENTICATED) it is logged DENIED, failed otherwise ALLOWED
 *   with the error code, both after its transaction rolled back;
 * - a field that can refuse (one the shield guards, `guarded`, or one with a resolver of its own) and does
 *   (FORBIDDEN/UNAUTHENTICATED) is a DENIAL of its parent item (or, on Query, of the type it returns, with the `id`
 *   argument);
 * - a field returning objects of an entity type (`@key`, or declared `restricted`; in a union or interface, told by
 *   their `__typename`) records a CONSULTATION of those that are non-PUBLIC items; each object is considered once per
 *   request, and one entry per type per request carries every id;
 * - a declared export field resolved is an EXPORT of the items it carries; a declared consulting field (a diff, a
 *   comparison, a report) records a CONSULTATION of the non-PUBLIC items whose content its value carries.
 * Entries other than a successful mutation's go to `ctx.audit` and are written once the request is done (see plugin.ts).
 */
export function auditMiddleware(
  def: AuditedSubgraph, schema: GraphQLSchema, guarded: ReadonlySet<string> = new Set(),
): Record<string, Record<string, FieldMiddleware>> {
  const keyFields = keyFieldsOf(def.typeDefs);
  const restricted = def.audit?.restricted ?? {};
  const exports = def.audit?.exports ?? {};
  const consults = def.audit?.consults ?? {};
  const audited = new Set([...keyFields.keys(), ...Object.keys(restricted)]);
  const mutationType = schema.getMutationType()?.name ?? 'Mutation';
  const rootTypes = new Set([schema.getQueryType()?.name ?? 'Query', mutationType]);

  const isRestricted = (typeName: string, item: Record<string, unknown>) => {
    const rule = restricted[typeName];
    if (rule) return rule(item);
    return typeof item.visibility === 'string' && isNonPublic(item as never);
  };
  const operationOf = (audit: AuditCollector, info: GraphQLResolveInfo) => ({
    operationType: info.operation.operation === 'mutation' ? 'mutation' : 'query',
    operationName: audit.operationNameOf(info.operation),
  } as const);
  const auditOf = (ctx: unknown) => (ctx as { audit?: AuditCollector } | undefined)?.audit;

  const mutationField: FieldMiddleware = (resolve, parent, args, ctx, info) => {
    const audit = auditOf(ctx);
    if (!audit) return resolve(parent, args, ctx, info);
    const coordinate = `${info.parentType.name}.${info.fieldName}`;
    const justification = typeof args?.justification === 'string' && args.justification.trim()
      ? args.justification.trim().slice(0, 1000) : null;
    const base: Omit<AuditEntry, 'decision' | 'entityType' | 'entityIds'> = {
      kind: 'MUTATION', ...operationOf(audit, info), field: coordinate, ...(justification ? { justification } : {}),
    };
    const recordFailure = (err: unknown) => {
      const code = codeOf(err);
      const id = idOf(args);
      audit.record({
        ...base, decision: ACCESS_CODES.has(code) ? 'DENIED' : 'ALLOWED', errorCode: code,
        entityType: namedTypeOf(info.returnType).name, entityIds: id ? [id] : [],
      });
    };
    return inMutationTransaction(ctx as MutationContext, def.createLoaders, async (inner, commit) => {
      let value: unknown;
      try {
        value = await resolve(parent, args, inner, info);
        if (value instanceof Error) throw value;
      } catch (err) {
        recordFailure(err);
        throw err;
      }
      const target = mutationTarget(value, info.returnType);
      // The objects a mutation returns are logged by it, not again as consultations.
      for (const o of target.objects) audit.considered.add(o);
      try {
        let forgetWritten = () => undefined as void;
        await commit(async (tx) => {
          forgetWritten = await audit.flushWithin(tx, { ...base, decision: 'ALLOWED', entityType: target.entityType, entityIds: target.ids });
        });
        forgetWritten();
      } catch (err) {
        (ctx as { log?: { error(o: object, m: string): void } }).log?.error({ err }, 'audit row not written; mutation rolled back');
        recordFailure(UNRECORDED);
        throw UNRECORDED;
      }
      return value;
    });
  };

  /** The entity type of each object a field returns: its declared type, or for a union or interface the object's own. */
  const entityTypeOf = (field: AuditedField): ((item: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => string | undefined) | null => {
    const named = namedTypeOf(field.type);
    if (audited.has(named.name)) return () => named.name;
    const kind = kindOf(named);
    if (kind !== '[object GraphQLUnionType]' && kind !== '[object GraphQLInterfaceType]') return null;
    if (!schema.getPossibleTypes(named as never).some((t) => audited.has(t.name))) return null;
    const abstract = named as AbstractType;
    return (item, ctx, info) => {
      const name = typeof item.__typename === 'string' ? item.__typename : abstract.resolveType?.(item, ctx, info, abstract);
      return typeof name === 'string' ? name : undefined;
    };
  };

  const readField = (coordinate: string, field: AuditedField, refuses: boolean): FieldMiddleware | null => {
    const typeName = coordinate.slice(0, coordinate.indexOf('.'));
    const entityType = entityTypeOf(field);
    const exported = exports[coordinate];
    const consulted = consults[coordinate];
    if (!entityType && !exported && !consulted && !refuses) return null;
    const root = rootTypes.has(typeName);
    const keyField = keyFields.get(typeName) ?? 'id';

    /** Records a CONSULTATION of each non-PUBLIC entity object in a value (a list, or a promise of one, as well). */
    const consider = (value: unknown, audit: AuditCollector, ctx: unknown, info: GraphQLResolveInfo): void => {
      if (value === null || value === undefined || typeof value !== 'object' || value instanceof Error) return;
      if (Array.isArray(value)) {
        for (const item of value) consider(item, audit, ctx, info);
        return;
      }
      if (isThenable(value)) {
        value.then((item) => consider(item, audit, ctx, info), () => undefined);
        return;
      }
      if (audit.considered.has(value)) return;
      const item = value as Record<string, unknown>;
      const itemType = entityType!(item, ctx, info);
      if (!itemType || !audited.has(itemType)) return;
      audit.considered.add(value);
      if (!isRestricted(itemType, item)) return;
      const id = idOf(item, keyFields.get(itemType) ?? 'id');
      audit.record({ kind: 'CONSULTATION', decision: 'ALLOWED', ...operationOf(audit, info), entityType: itemType, entityIds: id ? [id] : [], field: null });
    };

    return (resolve, parent, args, ctx, info) => {
      const audit = auditOf(ctx);
      if (!audit) return resolve(parent, args, ctx, info);
      return observe(() => resolve(parent, args, ctx, info), (value) => {
        if (value === null || value === undefined) return;
        if (entityType) consider(value, audit, ctx, info);
        for (const items of consulted?.(value) ?? []) {
          if (items.ids.length) audit.record({ kind: 'CONSULTATION', decision: 'ALLOWED', ...operationOf(audit, info), entityType: items.entityType, entityIds: items.ids, field: null });
        }
        if (!exported) return;
        const items = exported(parent);
        audit.record({ kind: 'EXPORT', decision: 'ALLOWED', ...operationOf(audit, info), entityType: items.entityType, entityIds: items.ids, field: coordinate });
      }, (err) => {
        if (!ACCESS_CODES.has(codeOf(err))) return;
        const id = root ? idOf(args) : idOf(parent, keyField);
        audit.record({
          kind: 'DENIAL', decision: 'DENIED', ...operationOf(audit, info), errorCode: codeOf(err), field: coordinate,
          entityType: root ? namedTypeOf(info.returnType).name : typeName, entityIds: id ? [id] : [],
        });
      });
    };
  };

  const middleware: Record<string, Record<string, FieldMiddleware>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || kindOf(type) !== '[object GraphQLObjectType]') continue;
    const fields = (type as unknown as { getFields(): Record<string, AuditedField> }).getFields();
    for (const [fieldName, field] of Object.entries(fields)) {
      const coordinate = `${type.name}.${fieldName}`;
      const wrap = type.name === mutationType ? mutationField
        : readField(coordinate, field, guarded.has(coordinate) || typeof field.resolve === 'function');
      if (wrap) (middleware[type.name] ??= {})[fieldName] = wrap;
    }
  }
  return middleware;
}
