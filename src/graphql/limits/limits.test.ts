import { buildSchema, getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { accessTokenKey } from '../../auth/access-token';
import { MemoryCache } from '../../cache';
import { loadConfig } from '../../config';
import type { PrismaClient } from '../../generated/prisma/client';
import { createApp, type App } from '../../server';
import type { Services } from '../../services';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { operationCost } from './cost-limit';

/**
 * The query limits of CONTRACT.md section 8, through HTTP on the real Apollo setup, at and
 * just past each boundary. A small recursive schema makes every limit reachable; the app's
 * own schema checks that the explorer's introspection query passes.
 */

const rootFieldNames = Array.from({ length: 21 }, (_, i) => `f${i + 1}`);
const sdl = /* GraphQL */ `
  type Query {
    node: Node
    nodes: [Node!]!
    page(first: Int = 20): NodeConnection!
    ${rootFieldNames.map((name) => `${name}: String`).join('\n    ')}
  }
  type Node {
    name: String!
    tags: [String!]!
    child: Node
    children: [Node!]!
    page(first: Int = 20): NodeConnection!
  }
  type NodeConnection {
    edges: [NodeEdge!]!
    totalCount: Int!
  }
  type NodeEdge {
    cursor: String!
    node: Node!
  }
`;
const schema = buildSchema(sdl);

// One self-referencing node answers every selection, at any depth.
interface FakeNode {
  name: string;
  tags: string[];
  child: FakeNode;
  children: FakeNode[];
  page: () => { edges: Array<{ cursor: string; node: FakeNode }>; totalCount: number };
}
const node = { name: 'n', tags: ['t'] } as FakeNode;
node.child = node;
node.children = [node];
node.page = () => ({ edges: [{ cursor: 'c', node }], totalCount: 1 });
for (const field of ['node', 'nodes', 'page', ...rootFieldNames] as const) {
  const resolvers: Record<string, () => unknown> = { node: () => node, nodes: () => [node], page: node.page };
  schema.getQueryType()!.getFields()[field]!.resolve = resolvers[field] ?? (() => field);
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: Body }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

/** `{ node { child { … { name } } } }` whose leaf `name` sits at `depth` (root fields are depth 0). */
function queryOfDepth(depth: number): string {
  return `{ node { ${'child { '.repeat(depth - 1)}name${' }'.repeat(depth - 1)} } }`;
}

function limitError(reason: string) {
  return expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason } });
}

function costOf(query: string, variables?: Record<string, unknown>): number | undefined {
  const document = parse(query);
  return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, variables);
}

describe('query limits over HTTP', () => {
  let app: App;
  let url: string;

  beforeAll(async () => {
    app = await createApp(
      {
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        prisma: {} as PrismaClient,
        cache: new MemoryCache(),
        services: {} as Services,
        logger: pino({ level: 'silent' }),
        jwtKey: accessTokenKey('limits-test-secret-long-enough-for-hs256'),
        readinessChecks: [],
      },
      () => schema,
    );
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    const address = app.httpServer.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });
  afterAll(() => app.apollo.stop());

  describe('depth 12', () => {
    it('runs a query whose deepest field is at depth 12', async () => {
      const { status, body } = await post(url, queryOfDepth(12));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(JSON.stringify(body.data)).toContain('"name":"n"');
    });

    it('refuses depth 13 with reason DEPTH, once', async () => {
      const { status, body } = await post(url, queryOfDepth(13));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([limitError('DEPTH')]);
      expect(body.errors?.[0]?.message).toBe('Query is deeper than the limit of 12');
    });

    it('counts depth through fragments', async () => {
      const chain = (children: number) =>
        `{ node { ...Deep } } fragment Deep on Node { ${'child { '.repeat(children)}name${' }'.repeat(children)} }`;
      expect((await post(url, chain(11))).body.errors).toBeUndefined(); // name at depth 12
      expect((await post(url, chain(12))).body.errors).toEqual([limitError('DEPTH')]);
    });

    it('leaves broken fragments to graphql\'s own rules instead of crashing', async () => {
      const unknown = await post(url, '{ node { ...Missing } }');
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ message: 'Unknown fragment "Missing".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      const cycle = await post(url, '{ node { ...A } } fragment A on Node { ...B } fragment B on Node { ...A }');
      expect(cycle.status).toBe(400);
      expect(cycle.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(cycle.body.errors?.[0]?.message).toContain('Cannot spread fragment "A" within itself');
    });
  });

  describe('cost 5,000,000', () => {
    // 100 × (edge 1 + node 1 + 100 × (edge 1 + node 1 + page 96 + 1) + 1) = 990,300, plus
    // 97 × (edge 1 + node 1 + page 97 + 1) = 9,700: 1,000,000, five times.
    const million = (i: number) =>
      `a${i}: page(first: 100) { edges { node { page(first: 100) { edges { node { page(first: 96) { totalCount } } } } } } } ` +
      `b${i}: page(first: 97) { edges { node { page(first: 97) { totalCount } } } }`;
    const atLimit = `{ ${[0, 1, 2, 3, 4].map(million).join(' ')} }`;

    it('weighs fields as the contract says', () => {
      expect(costOf('{ node { name tags } }')).toBe(1);
      expect(costOf('{ nodes { name } }')).toBe(10);
      expect(costOf('{ nodes { child { name } } }')).toBe(20);
      expect(costOf('{ page { totalCount } }')).toBe(20); // default first
      expect(costOf('{ page(first: null) { totalCount } }')).toBe(20); // null serves the default page too
      expect(costOf('{ page(first: 5) { edges { cursor node { name } } } }')).toBe(15);
      expect(costOf('{ nodes { children { children { name } } } }')).toBe(1110);
      expect(costOf(atLimit)).toBe(5_000_000);
      expect(costOf('query ($n: Int) { page(first: $n) { totalCount } }', { n: 7 })).toBe(7);
      expect(costOf('query ($n: Int) { page(first: $n) { totalCount } }', { n: null })).toBe(20);
      // Out-of-range page sizes are the field's BAD_USER_INPUT, not a cost problem.
      expect(costOf('{ page(first: 100000) { totalCount } }')).toBe(100);
      expect(costOf('query ($n: Int) { page(first: $n) { totalCount } }', { n: 'x' })).toBeUndefined();
    });

    it('runs a query costing exactly 5,000,000', async () => {
      const { status, body } = await post(url, atLimit);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    });

    it('refuses cost 5,000,001 with reason COMPLEXITY and HTTP 400', async () => {
      const { status, body } = await post(url, atLimit.replace(/ }$/, ' node { name } }'));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message: 'Query cost 5000001 exceeds the limit of 5000000',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COMPLEXITY' },
        },
      ]);
    });

    it('takes `first` from variables', async () => {
      const query = atLimit.replace('page(first: 96)', 'page(first: $n)').replace(/^\{/, 'query ($n: Int) {');
      expect((await post(url, query, { n: 96 })).body.errors).toBeUndefined();
      const over = await post(url, query, { n: 97 });
      expect(over.status).toBe(400);
      expect(over.body.errors).toEqual([limitError('COMPLEXITY')]);
      // Prices are remembered per document and variables: each verdict stays its own.
      expect((await post(url, query, { n: 96 })).body.errors).toBeUndefined();
      expect((await post(url, query, { n: 97 })).body.errors).toEqual([limitError('COMPLEXITY')]);
    });

    it('prices an explicit null `first` as the default page, not as nothing', async () => {
      const nested = `${'page(first: null) { edges { node { '.repeat(4)}name${' } } }'.repeat(4)}`;
      const query = `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: ${nested}`).join(' ')} }`;
      expect(costOf(query)).toBe(10 * 505_260); // 4 levels of 20-edge pages, ten times
      const { status, body } = await post(url, query);
      expect(status).toBe(400);
      expect(body.errors).toEqual([limitError('COMPLEXITY')]);
    });

    it('refuses nested plain lists that multiply past the limit', async () => {
      const { body } = await post(url, '{ nodes { children { children { children { children { children { children { name } } } } } } } }'); // 11,111,110
      expect(body.errors).toEqual([limitError('COMPLEXITY')]);
    });

    it('refuses fragment fan-out at once, before anything walks the expanded tree', async () => {
      // Each fragment spreads the next 10 times: 10^11 selections from a 2 kB document.
      const levels = Array.from({ length: 12 }, (_, i) =>
        `fragment L${i} on Node { ${Array.from({ length: 10 }, () => (i === 11 ? 'name' : `child { ...L${i + 1} }`)).join(' ')} }`,
      );
      const started = Date.now();
      const { status, body } = await post(url, `{ node { ...L0 } } ${levels.join(' ')}`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: 'Query expands to more than 10000 selections',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COMPLEXITY' },
        },
      ]);
    });
  });

  describe('20 root fields', () => {
    const select = (count: number) => `{ ${rootFieldNames.slice(0, count).join(' ')} }`;

    it('runs 20 root fields', async () => {
      const { status, body } = await post(url, select(20));
      expect(status).toBe(200);
      expect(Object.keys(body.data ?? {})).toHaveLength(20);
    });

    it('refuses 21 with reason ROOT_FIELDS', async () => {
      const { status, body } = await post(url, select(21));
      expect(status).toBe(400);
      expect(body.errors).toEqual([limitError('ROOT_FIELDS')]);
    });

    it('counts fields in root fragments, but repeated fields and __typename only once or not at all', async () => {
      const viaFragment = await post(url, `{ f21 ...Rest } fragment Rest on Query { ${rootFieldNames.slice(0, 20).join(' ')} }`);
      expect(viaFragment.body.errors).toEqual([limitError('ROOT_FIELDS')]);
      const repeated = await post(url, `{ __typename ${rootFieldNames.slice(0, 20).join(' ')} f1 f2 }`);
      expect(repeated.body.errors).toBeUndefined();
    });
  });

  describe('15 aliases', () => {
    const aliased = (count: number) => `{ node { ${Array.from({ length: count }, (_, i) => `a${i}: name`).join(' ')} } }`;

    it('runs 15 aliases', async () => {
      const { status, body } = await post(url, aliased(15));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    });

    it('refuses 16 with reason ALIASES', async () => {
      const { status, body } = await post(url, aliased(16));
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        { message: 'Operation uses more than 15 aliases', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'ALIASES' } },
      ]);
    });

    it('counts aliases inside fragments', async () => {
      const { body } = await post(url, `{ x: node { ...A } } fragment A on Node { ${Array.from({ length: 15 }, (_, i) => `a${i}: name`).join(' ')} }`);
      expect(body.errors).toEqual([limitError('ALIASES')]);
    });
  });

  it('lets the explorer introspect this schema', async () => {
    const { status, body } = await post(url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('query limits on the app schema', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it("passes the explorer's full introspection query", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const response = await app.gql(query);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect((response.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
  });

  it('refuses too many aliases on real fields', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    const response = await app.gql(query);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([limitError('ALIASES')]);
  });
});
