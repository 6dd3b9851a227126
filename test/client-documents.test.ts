import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  readOperationFiles,
  selectedRootFields,
  selectOperationFiles,
  validateOperationFile,
} from '../client/codegen/operation-files';

/**
 * The SDK's documents against the served schema (all of them) and the contract (every root field)
 * and the generated output against schema.graphql (every root field it has, in the manifest).
 */

const root = path.resolve(__dirname, '..');
const contract = buildSchema(readFileSync(path.join(root, 'contract', 'contract.graphql'), 'utf8'));
// What the server serves: the contract and its additions (test/schema.test.ts keeps it a
// compatible superset), e.g. restoreAccount, which the read-only shared contract lacks.
const served = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
const manifest = JSON.parse(
  readFileSync(path.join(root, 'client', 'generated', 'persisted-documents.json'), 'utf8'),
) as Record<string, string>;

const manifestDocuments = Object.values(manifest).map((text) => ({ path: 'manifest', document: parse(text) }));

function operationNames(documents: ReadonlyArray<{ document: DocumentNode }>): string[] {
  return documents.flatMap(({ document }) =>
    document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : [])),
  );
}

function rootFieldsOf(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
}

describe('client operation documents', () => {
  const files = readOperationFiles();

  test.each(files.map((file) => [file.path, file]))('%s is valid against the served schema', (_path, file) => {
    expect(validateOperationFile(served, file, files)).toEqual([]);
  });

  test('every Query, Mutation and Subscription field of the contract has an operation', () => {
    const selected = selectedRootFields(files);
    expect(rootFieldsOf(contract).filter((field) => !selected.has(field))).toEqual([]);
  });

  test('subscriptions, and only they, are named On<Event> (how the SDK tells them apart)', () => {
    for (const { document } of files) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        expect([definition.name!.value, /^On[A-Z]/.test(definition.name!.value)]).toEqual([
          definition.name!.value,
          definition.operation === 'subscription',
        ]);
      }
    }
  });

  test('operation names are unique across files', () => {
    const names = files.flatMap((file) =>
      file.document.definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name!.value] : [],
      ),
    );
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

describe('generated SDK', () => {
  const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

  test('the manifest has an operation for every root field of schema.graphql that the contract has', () => {
    const inManifest = selectedRootFields(manifestDocuments);
    const contractFields = new Set(rootFieldsOf(contract));
    const missing = rootFieldsOf(schema).filter((field) => contractFields.has(field) && !inManifest.has(field));
    expect(missing).toEqual([]);
  });

  test('the manifest holds exactly the operations of the files valid against schema.graphql', () => {
    const { included } = selectOperationFiles(schema);
    expect(operationNames(manifestDocuments).sort()).toEqual(operationNames(included).sort());
  });

  test('manifest keys are the sha256 of their documents', () => {
    for (const [hash, document] of Object.entries(manifest)) {
      expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
    }
  });
});
