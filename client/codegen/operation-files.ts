import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * The SDK's operation documents: client/operations/*.graphql, one file per domain, written
 * against the contract. `fragments.graphql` holds the fragments every file may use; the
 * other files may also use their own.
 *
 * The server grows towards the contract domain by domain, so codegen takes the files that
 * are valid against the emitted schema.graphql and reports the rest (selectOperationFiles):
 * once a domain is in the schema, `npm run codegen` picks its file up by itself.
 */

export const OPERATIONS_DIR = path.resolve(__dirname, '..', 'operations');
export const SHARED_FRAGMENTS_FILE = 'fragments.graphql';

export interface OperationFile {
  /** Relative to the repository root, e.g. `client/operations/deeds.graphql`. */
  readonly path: string;
  readonly document: DocumentNode;
}

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

export function readOperationFiles(): OperationFile[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => {
      const absolute = path.join(OPERATIONS_DIR, name);
      return { path: path.relative(REPOSITORY_ROOT, absolute), document: parse(readFileSync(absolute, 'utf8')) };
    });
}

function isSharedFragments(file: OperationFile): boolean {
  return path.basename(file.path) === SHARED_FRAGMENTS_FILE;
}

// Shared fragments are unused within their own file, and a domain file need not use them all.
const RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

/** Validation errors of one file against `schema`, with the shared fragments in scope. */
export function validateOperationFile(schema: GraphQLSchema, file: OperationFile, files: readonly OperationFile[]): string[] {
  const shared: readonly DefinitionNode[] = isSharedFragments(file)
    ? []
    : files.filter(isSharedFragments).flatMap((candidate) => candidate.document.definitions);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...file.document.definitions, ...shared] };
  return validate(schema, document, RULES).map((error) => error.message);
}

export interface OperationFileSelection {
  readonly included: OperationFile[];
  readonly skipped: Array<{ file: OperationFile; errors: string[] }>;
}

/** The files valid against `schema`; the shared fragments must be, or nothing is. */
export function selectOperationFiles(schema: GraphQLSchema, files = readOperationFiles()): OperationFileSelection {
  const included: OperationFile[] = [];
  const skipped: OperationFileSelection['skipped'] = [];
  for (const file of files) {
    const errors = validateOperationFile(schema, file, files);
    if (errors.length === 0) included.push(file);
    else skipped.push({ file, errors });
  }
  const brokenShared = skipped.find(({ file }) => isSharedFragments(file));
  if (brokenShared) {
    throw new Error(
      `${brokenShared.file.path} is not valid against the schema (is schema.graphql up to date? npm run schema:emit):\n  ` +
        brokenShared.errors.join('\n  '),
    );
  }
  return { included, skipped };
}

/** Root fields (`Query.deeds`, `Mutation.createDeed`) the operations of `files` select. */
export function selectedRootFields(files: readonly OperationFile[]): Set<string> {
  const fields = new Set<string>();
  for (const { document } of files) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = definition.operation === 'query' ? 'Query' : definition.operation === 'mutation' ? 'Mutation' : 'Subscription';
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === Kind.FIELD) fields.add(`${root}.${selection.name.value}`);
      }
    }
  }
  return fields;
}
