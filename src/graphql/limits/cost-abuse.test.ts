import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
} from 'graphql';
import { createDeed } from '../../../test/fixtures/deeds';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { MAX_QUERY_COST, operationCost } from './cost-limit';
import { LIST_SIZES, MAX_DELETED_ROWS_LISTED } from './list-sizes';
import { MAX_RESOLVED_OBJECTS } from './resolved-objects';

/**
 * Issue 11 item 1 on the app schema, over HTTP: a null `first`, lists priced at their real
 * maximum, re-entrant item lists, deleted rows, and the runtime backstop for what pricing
 * cannot see.
 */

const root = path.resolve(__dirname, '../../..');
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

function costOf(appSchema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}): number | undefined {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return operationCost(appSchema, document, operation, variables);
}

const nested = (levels: number, id: string) =>
  `deed(id: "${id}") { ${'items { deed { '.repeat(levels - 1)}items { id }${' } }'.repeat(levels - 1)} }`;

describe('pricing on the app schema', () => {
  test('every list of objects has its maximum length in list-sizes.ts', () => {
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const itemType = getNamedType(field.type);
        if (isListType(getNullableType(field.type)) && isCompositeType(itemType) && !(`${type.name}.${field.name}` in LIST_SIZES)) {
          unpriced.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unpriced).toEqual([]);
  });

  test('an explicit null `first` is priced as the page the resolver serves', () => {
    expect(costOf(schema, '{ entries(first: null) { totalCount } }')).toBe(20);
    expect(costOf(schema, '{ entries { totalCount } }')).toBe(20);
    expect(costOf(schema, 'query ($n: Int) { entries(first: $n) { totalCount } }', { n: null })).toBe(20);
  });

  test("a deed's items are priced at 500, deleted ones at 100 more", () => {
    expect(costOf(schema, '{ deed(id: "1") { items { id } } }')).toBe(1 + 500);
    expect(costOf(schema, '{ deed(id: "1") { items(includeDeleted: true) { id } } }')).toBe(1 + 500 + MAX_DELETED_ROWS_LISTED);
    expect(costOf(schema, `{ ${nested(2, '1')} }`)).toBe(1 + 500 * (1 + 1 + 500));
  });

  test("the SDK's own documents fit under the limit", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'client/generated/persisted-documents.json'), 'utf8')) as Record<
      string,
      string
    >;
    const costs = Object.values(manifest).map((text) => {
      const operation = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, sampleValue(typeFromAST(schema, v.type as NamedTypeNode) as GraphQLInputType)]),
      );
      return { name: operation.name?.value, cost: costOf(schema, text, variables) };
    });
    expect(costs.filter(({ cost }) => cost === undefined)).toEqual([]);
    expect(costs.filter(({ cost }) => cost! > MAX_QUERY_COST)).toEqual([]);
  });
});

/** Some value of an input type that coerces (only page sizes change a cost, and they default). */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.type)]));
  }
  const samples: Record<string, unknown> = {
    Int: 1,
    Float: 1,
    Boolean: true,
    Date: '2026-01-01',
    DateTime: '2026-01-01T00:00:00Z',
    Decimal: '1',
    LocalTime: '08:00',
  };
  return samples[type.name] ?? (type.name === 'EmailAddress' ? 'a@example.com' : type.name === 'ID' ? '1' : 'x');
}

describe('cost limit and backstop over HTTP', () => {
  let app: TestApp;
  let owner: TestUser;
  let deedId: string;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
    deedId = await createDeed(app, owner);
    // Just enough items for items × items to pass the backstop (≈ 102,000 objects).
    const count = Math.ceil(Math.sqrt(MAX_RESOLVED_OBJECTS)) + 2;
    await app.prisma.deedItem.createMany({
      data: Array.from({ length: count }, (_, i) => ({ deedId: BigInt(deedId), name: `Item ${i}`, displayOrder: i })),
    });
  });
  afterAll(() => app.stop());

  function complexityRefusal(body: { status: number; data?: unknown; errors?: unknown }) {
    expect(body.status).toBe(400);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COMPLEXITY' } }),
    ]);
  }

  test('the three-level re-entrant item query is refused before it runs', async () => {
    complexityRefusal(await app.gql(`{ ${nested(3, deedId)} }`, {}, { token: owner.token }));
  });

  test('fifteen aliased copies of the two-level one are stopped by the backstop', async () => {
    const copies = Array.from({ length: 15 }, (_, i) => `c${i}: ${nested(2, deedId)}`).join(' ');
    const response = await app.gql(`{ ${copies} }`, {}, { token: owner.token });
    expect(response.status).toBe(400);
    expect(response.data ?? undefined).toBeUndefined();
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: MAX_RESOLVED_OBJECTS } })]);
  });

  test('a query priced under the limit that resolves too many objects stops with RESPONSE_TOO_LARGE', async () => {
    const query = `{ ${nested(2, deedId)} }`;
    expect(costOf(schema, query)).toBeLessThanOrEqual(MAX_QUERY_COST);
    const response = await app.gql(query, {}, { token: owner.token });
    expect(response.status).toBe(400);
    expect(response.data ?? undefined).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: MAX_RESOLVED_OBJECTS } }),
    ]);
    // The server keeps serving, the same client included.
    const after = await app.gql(`{ deed(id: "${deedId}") { items { id } } }`, {}, { token: owner.token });
    expect(after.errors).toBeUndefined();
    expect((after.data!.deed as { items: unknown[] }).items.length).toBeGreaterThan(300);
  });

  test('deleted deeds and items are listed up to the latest 100', async () => {
    const user = await app.createUser();
    const liveDeed = await createDeed(app, user, { name: 'Live' });
    const deletedAt = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
    await app.prisma.deed.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        userId: user.id,
        name: `Gone ${i}`,
        category: 'HASANAAT' as const,
        measureType: 'COUNT' as const,
        displayOrder: i + 1,
        deletedAt: deletedAt(i),
      })),
    });
    await app.prisma.deedItem.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({ deedId: BigInt(liveDeed), name: `Gone ${i}`, displayOrder: i, deletedAt: deletedAt(i) })),
    });
    await app.prisma.deedItem.create({ data: { deedId: BigInt(liveDeed), name: 'Kept', displayOrder: 200 } });

    const deeds = await app.gql('{ deeds(filter: { includeDeleted: true }) { name } }', {}, { token: user.token });
    const deedNames = (deeds.data!.deeds as Array<{ name: string }>).map((d) => d.name);
    expect(deedNames).toHaveLength(1 + MAX_DELETED_ROWS_LISTED);
    expect(deedNames).toContain('Live');
    expect(deedNames).toContain('Gone 149');
    expect(deedNames).not.toContain('Gone 49');

    const items = await app.gql(`{ deed(id: "${liveDeed}") { items(includeDeleted: true) { name } live: items { name } } }`, {}, { token: user.token });
    const deed = items.data!.deed as { items: Array<{ name: string }>; live: Array<{ name: string }> };
    expect(deed.items).toHaveLength(1 + MAX_DELETED_ROWS_LISTED);
    expect(deed.items.map((i) => i.name)).toContain('Gone 149');
    expect(deed.items.map((i) => i.name)).not.toContain('Gone 49');
    expect(deed.live).toEqual([{ name: 'Kept' }]);
  });
});
