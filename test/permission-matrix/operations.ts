import type { Actor, World } from './world';

/**
 * What a matrix row is made of. An operation is one GraphQL document whose single root
 * field is aliased `result`, and what every actor must get from it: `ok(data)` (exactly that
 * data) or an error code of CONTRACT.md section 11.
 */

export type Code = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'BAD_USER_INPUT';
export type Expected = { data: unknown } | { error: Code };
type Variables = Record<string, unknown>;

export interface Operation {
  name: string;
  document: string;
  variables: (w: World, actor: Actor) => Variables;
  /** The same operation on ids that do not exist: a NOT_FOUND cell must answer exactly like it. */
  missing?: (w: World) => Variables;
  /** Puts the world back after a cell in which the mutation succeeded. */
  undo?: (w: World, actor: Actor) => Promise<void>;
  expect: Record<Actor, Expected>;
}

/** Exactly this data; a function of the world when it holds ids (read before the cell runs). */
export const ok = (data: unknown | ((w: World) => unknown)): Expected => ({ data });
export const NOT_FOUND: Expected = { error: 'NOT_FOUND' };
export const FORBIDDEN: Expected = { error: 'FORBIDDEN' };
export const UNAUTHENTICATED: Expected = { error: 'UNAUTHENTICATED' };
export const CONFLICT: Expected = { error: 'CONFLICT' };
export const BAD_USER_INPUT: Expected = { error: 'BAD_USER_INPUT' };

/** A hundred billion past any id the fixture creates. */
export const MISSING_ID = '900000000000';

// ───────────── rows by who may do what ─────────────

/** Everyone without an accepted grant sees nothing of Owner's; no token is UNAUTHENTICATED. */
export const OUTSIDERS = {
  pending: NOT_FOUND,
  rejected: NOT_FOUND,
  blocked: NOT_FOUND,
  stranger: NOT_FOUND,
  anonymous: UNAUTHENTICATED,
} as const;

/** Grantees of A meet an object outside their subtree exactly like outsiders do. */
export const BESIDE_THE_GRANT = { reader: NOT_FOUND, writer: NOT_FOUND, ...OUTSIDERS } as const;

/** The same data for Owner and both grantees of A. */
export const grantees = (data: unknown) => ({ owner: ok(data), reader: ok(data), writer: ok(data), ...OUTSIDERS });

/** Owner's view and the grantees' (narrower) view of the same field. */
export const ownerAndGrantees = (owner: unknown, grantee: unknown) => ({
  owner: ok(owner),
  reader: ok(grantee),
  writer: ok(grantee),
  ...OUTSIDERS,
});

/** Only Owner sees it: the grantees of A are outside. */
export const ownerOnly = (data: unknown) => ({ owner: ok(data), ...BESIDE_THE_GRANT });

/** Structure is Owner's: grantees who see the object get FORBIDDEN. */
export const ownerChanges = (data: unknown) => ({ owner: ok(data), reader: FORBIDDEN, writer: FORBIDDEN, ...OUTSIDERS });

/** Entry writes: Owner and the WRITE grantee; the READ grantee sees the item but may not write. */
export const writers = (owner: unknown, writer: unknown) => ({ owner: ok(owner), writer: ok(writer), reader: FORBIDDEN, ...OUTSIDERS });

// ───────────── documents ─────────────

/** `field(arg: $id) { selection }` on the id `target` picks from the world. */
export function lookup(
  field: string,
  selection: string,
  target: (w: World) => string,
  arg = 'id',
): Pick<Operation, 'document' | 'variables' | 'missing'> {
  return {
    document: `query ($id: ID!) { result: ${field}(${arg}: $id) { ${selection} } }`,
    variables: (w) => ({ id: target(w) }),
    missing: () => ({ id: MISSING_ID }),
  };
}

/** `field(input: $input) { selection }`; `missing` is the input naming ids that do not exist. */
export function mutation(
  field: string,
  selection: string,
  input: (w: World, actor: Actor) => Variables,
  missing?: (w: World) => Variables,
): Pick<Operation, 'document' | 'variables' | 'missing'> {
  const inputType = `${field[0]!.toUpperCase()}${field.slice(1)}Input`;
  return {
    document: `mutation ($input: ${inputType}!) { result: ${field}(input: $input) { ${selection} } }`,
    variables: (w, actor) => ({ input: input(w, actor) }),
    ...(missing ? { missing: (w: World) => ({ input: missing(w) }) } : {}),
  };
}

/** `{ name }` objects, for lists of items or deeds. */
export const names = (...list: string[]) => list.map((name) => ({ name }));
