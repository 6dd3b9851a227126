import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];
type Pick = (root: unknown, context: Record<string, unknown>, info: unknown) => unknown;
type ResolverInstance = Record<string, (...params: unknown[]) => unknown>;

/**
 * type-graphql wraps every resolver method in a handler that, on each call, builds a
 * resolver-data object, asks its container for the resolver instance, sorts and maps the
 * method's parameter list and runs the middleware chain. For a field resolver whose
 * parameters are only `@Root()`, `@Ctx()` and `@Info()`, with no middleware and no roles
 * (every relation field here: an entries page resolves about 300 per page), each of those
 * steps gives the same answer every time. This replaces such a field's `resolve` with a
 * direct call of the method on the resolver class' one instance; any other field keeps
 * type-graphql's handler (argument conversion and validation stay with type-graphql).
 *
 * Returns the fields it rewired, by `Type.field`.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly Function[]): string[] {
  const storage = getMetadataStorage();
  const typeNames = new Map<Function, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  const instances = new Map<Function, ResolverInstance>();
  const rewired: string[] = [];

  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || !resolverClasses.includes(metadata.target)) continue;
    if ((metadata.middlewares?.length ?? 0) > 0 || metadata.roles !== undefined) continue;
    const typeName = metadata.getObjectType ? typeNames.get(metadata.getObjectType()) : undefined;
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) continue;
    const field = type.getFields()[metadata.schemaName];
    const picks = picksOf(metadata.params ?? []);
    if (!field || !picks) continue;

    let instance = instances.get(metadata.target);
    if (!instance) instances.set(metadata.target, (instance = new (metadata.target as new () => ResolverInstance)()));
    field.resolve = directResolver(instance, metadata.methodName, picks);
    rewired.push(`${type.name}.${field.name}`);
  }
  return rewired;
}

/** How to get each parameter from (root, context, info), in order; undefined if one needs the handler. */
function picksOf(params: readonly ParamMetadata[]): Pick[] | undefined {
  const picks: Pick[] = [];
  for (const param of [...params].sort((a, b) => a.index - b.index)) {
    if (param.kind === 'root') {
      // A typed root is converted to an instance of its class by the handler: left to it.
      if (param.getType && param.getType() !== Object) return undefined;
      const name = param.propertyName;
      picks.push(name ? (root) => (root as Record<string, unknown>)[name] : (root) => root);
    } else if (param.kind === 'context') {
      const name = param.propertyName;
      picks.push(name ? (_root, context) => context[name] : (_root, context) => context);
    } else if (param.kind === 'info') {
      picks.push((_root, _context, info) => info);
    } else {
      return undefined;
    }
  }
  return picks;
}

function directResolver(
  instance: ResolverInstance,
  methodName: string,
  picks: Pick[],
): GraphQLFieldResolver<unknown, Record<string, unknown>> {
  const method = instance[methodName]!;
  const [first, second] = picks;
  // The usual shape, (root, context), without an array per call.
  if (picks.length === 2 && first && second) {
    return (root, _args, context, info) => method.call(instance, first(root, context, info), second(root, context, info));
  }
  return (root, _args, context, info) => method.apply(instance, picks.map((pick) => pick(root, context, info)));
}
