import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildFromSdl, findBreakingChanges, isObjectType, printSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../src/schema';

/**
 * The API promise: the schema the code emits is a compatible superset of the contract
 * (fields and types may be added, nothing removed or changed incompatibly), and the
 * committed schema.graphql — what client SDKs are generated from — is the emitted one.
 */

const root = path.resolve(__dirname, '..');
const vendoredContract = path.join(root, 'contract', 'contract.graphql');

describe('schema', () => {
  test('no breaking change against the contract', async () => {
    const contract = buildFromSdl(readFileSync(vendoredContract, 'utf8'));
    const emitted = await buildAppSchema();
    const breaking = findBreakingChanges(contract, emitted).map((c) => `${c.type}: ${c.description}`);
    expect(breaking).toEqual([]);
  });

  test('committed schema.graphql is up to date with the code', async () => {
    const committed = readFileSync(path.join(root, 'schema.graphql'), 'utf8');
    expect(committed).toContain(printSchema(await buildAppSchema()));
  });

  // src/lib/api-object-type.ts: type-graphql's per-property resolver wrapper costs every
  // field of every object; plain properties go to graphql-js' default resolver instead.
  test('plain properties of object types have no resolver of their own', async () => {
    const schema = await buildAppSchema();
    const plain = (typeName: string, field: string) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      return type.getFields()[field]?.resolve;
    };
    for (const [typeName, field] of [['Entry', 'entryDate'], ['DeedItem', 'name'], ['Deed', 'category'], ['DailyStat', 'entryCount'], ['PageInfo', 'hasNextPage']]) {
      expect({ typeName, field, resolve: plain(typeName, field) }).toEqual({ typeName, field, resolve: undefined });
    }
    // A field resolver keeps its own.
    expect(plain('Entry', 'deedItem')).toEqual(expect.any(Function));
    // And no object type is declared without it (through ApiObjectType).
    const wrapped = getMetadataStorage().objectTypes.filter((type) => type.simpleResolvers !== true).map((type) => type.name);
    expect(wrapped).toEqual([]);
  });

  // The contract lives in ../shared for the team (read-only there); the repository keeps a copy
  // so it builds alone, and the issues extend that copy additively (search, the support desk,
  // restoreAccount): it must stay a compatible superset of the shared one.
  const sharedContract = path.resolve(root, '..', 'shared', 'contract', 'contract.graphql');
  (existsSync(sharedContract) ? test : test.skip)('the vendored contract only adds to the shared one', () => {
    const shared = buildFromSdl(readFileSync(sharedContract, 'utf8'));
    const vendored = buildFromSdl(readFileSync(vendoredContract, 'utf8'));
    expect(findBreakingChanges(shared, vendored).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });
});
