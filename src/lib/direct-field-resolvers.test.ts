import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root, UseMiddleware, buildSchema } from 'type-graphql';
import { callFieldResolversDirectly } from './direct-field-resolvers';

@ObjectType()
class Shelf {
  @Field(() => String)
  name!: string;

  owner!: { label: string };
}

/** What the resolvers get as root: a record, as the services return (not the decorated class). */
interface ShelfRecord {
  name: string;
  owner: { label: string };
}

interface ShelfContext {
  prefix: string;
  calls: string[];
}

@Resolver(() => Shelf)
class ShelfResolver {
  readonly greeting = 'shelf of';

  @Query(() => Shelf)
  shelf(): Shelf {
    return { name: 'reading', owner: { label: 'Amina' } };
  }

  // Context before root: the direct call must keep the declared order.
  @FieldResolver(() => String)
  title(@Ctx() ctx: ShelfContext, @Root() shelf: ShelfRecord): string {
    ctx.calls.push('title');
    return `${ctx.prefix} ${this.greeting} ${shelf.name}`;
  }

  @FieldResolver(() => String)
  ownerLabel(@Root('owner') owner: ShelfRecord['owner'], @Ctx('prefix') prefix: string): string {
    return `${prefix}:${owner.label}`;
  }

  @FieldResolver(() => String)
  path(@Info() info: { fieldName: string; path: { prev?: { key: string | number } } }, @Root() shelf: ShelfRecord): string {
    return `${String(info.path.prev?.key)}.${info.fieldName}@${shelf.name}`;
  }

  @FieldResolver(() => [String])
  copies(@Root() shelf: ShelfRecord, @Arg('count', () => Int) count: number): string[] {
    return Array.from({ length: count }, () => shelf.name);
  }

  // A root typed as the decorated class is converted to an instance of it by type-graphql.
  @FieldResolver(() => Boolean)
  isShelfInstance(@Root() shelf: Shelf): boolean {
    return shelf instanceof Shelf;
  }

  @FieldResolver(() => String)
  @UseMiddleware(({ context }: { context: ShelfContext }, next) => {
    context.calls.push('middleware');
    return next();
  })
  guarded(@Root() shelf: Shelf): string {
    return shelf.name.toUpperCase();
  }
}

async function schemaAndRewired(): Promise<{ schema: GraphQLSchema; rewired: string[] }> {
  const schema = await buildSchema({ resolvers: [ShelfResolver], validate: true });
  return { schema, rewired: callFieldResolversDirectly(schema, [ShelfResolver]) };
}

describe('callFieldResolversDirectly', () => {
  it('rewires only the field resolvers whose parameters are root, context and info, with no middleware', async () => {
    const { rewired } = await schemaAndRewired();
    expect(rewired.sort()).toEqual(['Shelf.ownerLabel', 'Shelf.path', 'Shelf.title']);
  });

  it('passes root, context and info in the declared order, on the one resolver instance', async () => {
    const { schema } = await schemaAndRewired();
    const ctx: ShelfContext = { prefix: 'my', calls: [] };
    const result = await graphql({ schema, source: '{ shelf { title ownerLabel path } }', contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ shelf: { title: 'my shelf of reading', ownerLabel: 'my:Amina', path: 'shelf.path@reading' } });
    expect(ctx.calls).toEqual(['title']);
  });

  it('leaves fields with arguments, middleware or a typed root to type-graphql, which still converts and runs them', async () => {
    const { schema } = await schemaAndRewired();
    const ctx: ShelfContext = { prefix: 'my', calls: [] };
    const result = await graphql({ schema, source: '{ shelf { copies(count: 2) guarded isShelfInstance } }', contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ shelf: { copies: ['reading', 'reading'], guarded: 'READING', isShelfInstance: true } });
    expect(ctx.calls).toEqual(['middleware']);
  });
});
