import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  execute,
  getOperationAST,
  GraphQLEnumType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { compiledExecution, type CompiledExecutionOptions } from './compiled-execution';

/** What resolvers were handed, per call. */
const received: Array<Record<string, unknown>> = [];

/** Named like the built-in, parsed like ours (lib/id.ts): graphql-jit must not coerce it itself. */
const BigIntLikeID = new GraphQLScalarType({
  name: 'ID',
  parseValue(value) {
    if (typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) throw new TypeError(`not an id: ${JSON.stringify(value)}`);
    return BigInt(value);
  },
  serialize: (value) => String(value),
});

/** A parsed value that is no JSON value (as Prisma's Decimal). */
class Amount {
  constructor(readonly value: string) {}
}
const AmountScalar = new GraphQLScalarType({
  name: 'Amount',
  parseValue: (value) => new Amount(String(value)),
  parseLiteral: (ast) => new Amount((ast as { value: string }).value),
  serialize: (value) => (value as Amount).value,
});

/** A fresh schema per call: the executor gets two builds, as the server gives it. */
function buildSchema(): GraphQLSchema {
  const Kind = new GraphQLEnumType({ name: 'Kind', values: { SMALL: { value: 'small' }, LARGE: { value: 'large' } } });
  const Filter = new GraphQLInputObjectType({ name: 'Filter', fields: { above: { type: BigIntLikeID }, kind: { type: Kind } } });
  // type-graphql makes every resolveType async, as here.
  const Named = new GraphQLInterfaceType({ name: 'Named', fields: { name: { type: GraphQLString } }, resolveType: async () => 'Item' });
  const Item = new GraphQLObjectType({
    name: 'Item',
    interfaces: [Named],
    fields: { id: { type: new GraphQLNonNull(BigIntLikeID) }, name: { type: GraphQLString }, kind: { type: Kind } },
  });
  const record = (field: string) => (_: unknown, args: Record<string, unknown>) => {
    received.push({ field, ...args });
    return [{ id: 1n, name: 'one', kind: 'small' }, { id: 2n, name: 'two', kind: 'large' }];
  };
  const failing = {
    type: new GraphQLNonNull(GraphQLString),
    resolve: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('a later bug');
    },
  };
  return new GraphQLSchema({
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: { failing, succeeding: { type: GraphQLString, resolve: () => 'done' } } }),
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        item: { type: Item, args: { id: { type: new GraphQLNonNull(BigIntLikeID) } }, resolve: (source, args) => record('item')(source, args)[0] },
        items: {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))),
          args: { ids: { type: new GraphQLList(new GraphQLNonNull(BigIntLikeID)) }, kind: { type: Kind, defaultValue: 'large' }, filter: { type: Filter } },
          resolve: record('items'),
        },
        priced: {
          type: GraphQLString,
          args: { amount: { type: AmountScalar }, id: { type: BigIntLikeID } },
          resolve: (_, { amount, id }) => `${amount instanceof Amount ? 'Amount' : typeof amount} ${typeof id}`,
        },
        named: { type: Named, resolve: () => ({ id: 3n, name: 'named' }) },
        refused: {
          type: GraphQLString,
          resolve: () => {
            throw new GraphQLError('Not yours', { extensions: { code: 'NOT_FOUND' } });
          },
        },
        required: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
        broken: {
          type: new GraphQLNonNull(GraphQLString),
          resolve: () => {
            throw new Error('a bug');
          },
        },
        brokenLater: failing,
      },
    }),
  });
}

async function executorOf(overrides: Partial<CompiledExecutionOptions<object>> = {}): Promise<{ executor: GatewayExecutor; schema: GraphQLSchema }> {
  const schema = buildSchema();
  const gateway = compiledExecution({ schema, compiledSchema: buildSchema(), needsFieldHooks: () => false, compileAtUse: 1, ...overrides });
  const { executor } = await gateway.load({ apollo: {} });
  return { executor: executor!, schema };
}

async function run(executor: GatewayExecutor, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string, context: object = {}): Promise<ExecutionResult> {
  const operation = getOperationAST(document, operationName)!;
  return executor({ document, operation, request: { variables, operationName }, context } as unknown as GatewayGraphQLRequestContext);
}

/** graphql-js' answers are null-prototype objects; compiled code builds plain ones. */
const ranCompiled = (result: ExecutionResult) => result.data != null && Object.getPrototypeOf(result.data) === Object.prototype;
const asJson = (result: ExecutionResult) => JSON.parse(JSON.stringify(result));

beforeEach(() => {
  received.length = 0;
});

describe('compiled execution', () => {
  it('runs a document on graphql-js until its compileAtUse-th use, then compiled, with the same answer', async () => {
    const { executor } = await executorOf({ compileAtUse: 3 });
    const document = parse('{ items { id name kind } }');
    const results = [];
    for (let use = 1; use <= 4; use++) results.push(await run(executor, document));
    expect(results.map(ranCompiled)).toEqual([false, false, true, true]);
    expect(results.map(asJson)).toEqual(Array(4).fill(asJson(results[0]!)));
    expect(asJson(results[3]!)).toEqual({ data: { items: [{ id: '1', name: 'one', kind: 'SMALL' }, { id: '2', name: 'two', kind: 'LARGE' }] } });
  });

  it('hands resolvers variables as the schema parses them, for an ID scalar of the built-in name too', async () => {
    const { executor, schema } = await executorOf();
    const document = parse(
      'query Q($id: ID!, $ids: [ID!], $kind: Kind = SMALL, $filter: Filter) { item(id: $id) { id } items(ids: $ids, kind: $kind, filter: $filter) { id } }',
    );
    const variables = { id: '42', ids: ['7', '8'], filter: { above: '3', kind: 'LARGE' } };
    const compiled = await run(executor, document, variables);
    expect(ranCompiled(compiled)).toBe(true);
    const compiledArgs = received.splice(0);
    const reference = await execute({ schema, document, variableValues: variables });
    expect(compiledArgs).toEqual(received);
    expect(compiledArgs).toEqual([
      { field: 'item', id: 42n },
      { field: 'items', ids: [7n, 8n], kind: 'small', filter: { above: 3n, kind: 'large' } },
    ]);
    expect(asJson(compiled)).toEqual(asJson(reference));
  });

  it('leaves an omitted variable out of the arguments, so the argument default applies', async () => {
    const { executor } = await executorOf();
    await run(executor, parse('query Q($kind: Kind) { items(kind: $kind) { id } }'));
    expect(received).toEqual([{ field: 'items', kind: 'large' }]);
  });

  it('refuses malformed variables with the errors graphql-js gives, before any resolver runs', async () => {
    const { executor, schema } = await executorOf();
    const document = parse('query Q($id: ID!) { item(id: $id) { id } }');
    for (const variables of [{ id: 'abc' }, { id: 5 }, {}, { id: null }]) {
      const compiled = await run(executor, document, variables);
      const reference = await execute({ schema, document, variableValues: variables });
      expect(compiled.errors?.length).toBe(1);
      expect(asJson(compiled)).toEqual(asJson(reference));
    }
    expect(received).toEqual([]);
  });

  it('applies @skip and @include from Boolean variables', async () => {
    const { executor } = await executorOf();
    const document = parse('query Q($withName: Boolean!, $noKind: Boolean = true) { items { id name @include(if: $withName) kind @skip(if: $noKind) } }');
    expect(asJson(await run(executor, document, { withName: false }))).toEqual({ data: { items: [{ id: '1' }, { id: '2' }] } });
    expect(asJson(await run(executor, document, { withName: true, noKind: false }))).toEqual({
      data: { items: [{ id: '1', name: 'one', kind: 'SMALL' }, { id: '2', name: 'two', kind: 'LARGE' }] },
    });
  });

  it("answers resolver errors and null in a non-null field as graphql-js does: message, path, locations, extensions, data", async () => {
    const { executor, schema } = await executorOf();
    for (const query of ['{ refused items { id } }', '{ items { id } required }', '{ broken }', '{ items { id } broken }', '{ brokenLater }', '{ items { id } brokenLater }', 'mutation { failing }', 'mutation { succeeding failing }']) {
      const document = parse(query);
      const compiled = await run(executor, document);
      expect(ranCompiled(compiled) || compiled.data === null).toBe(true);
      const reference = await execute({ schema, document });
      expect(asJson(compiled)).toEqual(asJson(reference));
      // Real graphql-js errors with their extensions: format-error.ts reads both.
      expect(compiled.errors!.map((error) => [error instanceof GraphQLError, error.extensions])).toEqual(
        reference.errors!.map((error) => [true, error.extensions]),
      );
    }
    const refused = await run(executor, parse('{ refused }'));
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    const broken = await run(executor, parse('{ brokenLater }'));
    expect(broken.errors?.[0]?.originalError?.message).toBe('a later bug');
  });

  it('runs operations that need per-field hooks on graphql-js', async () => {
    const hooked = new WeakSet<object>();
    const { executor } = await executorOf({ needsFieldHooks: (context) => hooked.has(context) });
    const document = parse('{ items { id } }');
    const context = {};
    hooked.add(context);
    expect(ranCompiled(await run(executor, document, {}, undefined, context))).toBe(false);
    expect(ranCompiled(await run(executor, document, {}, undefined, {}))).toBe(true);
  });

  it('compiles each operation of a document under its own name', async () => {
    const { executor } = await executorOf();
    const document = parse('query A { items { id } } query B { item(id: "2") { name } }');
    expect(asJson(await run(executor, document, {}, 'B'))).toEqual({ data: { item: { name: 'one' } } });
    expect(asJson(await run(executor, document, {}, 'A'))).toEqual({ data: { items: [{ id: '1' }, { id: '2' }] } });
    expect(received.map((call) => call.field)).toEqual(['item', 'items']);
  });

  it('runs documents that select an interface on graphql-js: graphql-jit does not await resolveType', async () => {
    const { executor } = await executorOf();
    for (let use = 1; use <= 2; use++) {
      const result = await run(executor, parse('{ named { name ... on Item { id } } }'));
      expect(ranCompiled(result)).toBe(false);
      expect(asJson(result)).toEqual({ data: { named: { name: 'named', id: '3' } } });
    }
  });

  it('runs documents with custom scalar literals on graphql-js: graphql-jit writes literals into its code as JSON', async () => {
    const { executor } = await executorOf();
    for (const [query, compiled] of [
      ['{ priced(amount: "5") }', false],
      ['{ priced(id: "5") }', false],
      ['{ items(kind: LARGE) { id } }', true],
    ] as const) {
      const result = await run(executor, parse(query));
      expect([query, ranCompiled(result)]).toEqual([query, compiled]);
      expect(result.errors).toBeUndefined();
    }
    expect(asJson(await run(executor, parse('{ priced(amount: "5", id: "2") }')))).toEqual({ data: { priced: 'Amount bigint' } });
    const variables = parse('query Q($amount: Amount, $id: ID) { priced(amount: $amount, id: $id) }');
    const compiled = await run(executor, variables, { amount: '5', id: '2' });
    expect(ranCompiled(compiled)).toBe(true);
    expect(asJson(compiled)).toEqual({ data: { priced: 'Amount bigint' } });
  });

  it('keeps maxDocuments documents: one pushed out counts its uses from the start again', async () => {
    const { executor } = await executorOf({ compileAtUse: 2, maxDocuments: 2 });
    const [first, second, third] = ['{ items { id } }', '{ items { name } }', '{ items { kind } }'].map((query) => parse(query));
    const compiledRuns = async (document: DocumentNode) => ranCompiled(await run(executor, document));
    expect([await compiledRuns(first!), await compiledRuns(first!)]).toEqual([false, true]);
    await compiledRuns(second!);
    await compiledRuns(third!);
    expect([await compiledRuns(first!), await compiledRuns(first!)]).toEqual([false, true]);
  });

  it('refuses a compileAtUse or maxDocuments that is not a positive integer', () => {
    const options = { schema: buildSchema(), compiledSchema: buildSchema(), needsFieldHooks: () => false, compileAtUse: 1 };
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => compiledExecution({ ...options, compileAtUse: bad })).toThrow(/compileAtUse/);
      expect(() => compiledExecution({ ...options, maxDocuments: bad })).toThrow(/maxDocuments/);
    }
  });
});
