import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildFromSdl, findBreakingChanges, printSchema } from 'graphql';
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

  // The contract lives in ../shared for the team; the repository keeps a copy so it builds alone.
  const sharedContract = path.resolve(root, '..', 'shared', 'contract', 'contract.graphql');
  (existsSync(sharedContract) ? test : test.skip)('the vendored contract is the shared one', () => {
    expect(readFileSync(vendoredContract, 'utf8')).toBe(readFileSync(sharedContract, 'utf8'));
  });
});
