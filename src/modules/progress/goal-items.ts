import type { Decimal } from '@prisma/client/runtime/client';
import type { Prisma } from '../../generated/prisma/client';
import { MeasureType } from '../../generated/prisma/enums';
import { badUserInput, conflict, invalidField, type FieldError } from '../../lib/errors';
import type { Actor } from '../context-types';

/**
 * The item rules of CONTRACT.md section 6, shared by merits and targets: each item's deed
 * item is the owner's (through the permission authority: invisible → NOT_FOUND, a grantee's
 * → FORBIDDEN) and live (else CONFLICT); a merit's items are all in its deed; SCALE items
 * name a value of that deed's scales and a whole `required`; COUNT items name no value;
 * `required` > 0; on update, listed ids are this goal's items, each listed once.
 */

type Path = ReadonlyArray<string | number>;

export interface GoalItemInput {
  id?: bigint | null;
  deedItemId: bigint;
  scaleValueId?: bigint | null;
  required: Decimal;
}

/** A checked item: `id` set when it keeps an existing item's identity. */
export interface GoalItemSpec {
  id: bigint | null;
  deedItemId: bigint;
  scaleValueId: bigint | null;
  required: Decimal;
}

export interface ItemRules {
  /** e.g. ['input', 'items']. */
  path: Path;
  /** Merits: every item must be in this deed. */
  deedId?: bigint;
  /** Ids of the goal's current items (update); null on create, where ids are refused. */
  existingIds: ReadonlySet<bigint> | null;
  /** "merit" or "target", for messages. */
  goal: string;
}

export async function checkGoalItems(
  actor: Actor,
  inputs: readonly GoalItemInput[],
  rules: ItemRules,
): Promise<GoalItemSpec[]> {
  const accesses = await Promise.allSettled(inputs.map((input) => actor.authority.requireOwnedItem(input.deedItemId)));
  const deedIds = accesses.map((access) => {
    if (access.status === 'rejected') throw access.reason;
    if (access.value.effectivelyDeleted) throw conflict('The deed item or something above it is deleted; restore it first');
    return access.value.deedId;
  });
  const valueIds = inputs.flatMap((input) => (input.scaleValueId ? [input.scaleValueId] : []));
  const [deeds, values] = await Promise.all([
    actor.loaders.deeds.loadMany([...new Set(deedIds)]),
    actor.loaders.scaleValues.loadMany(valueIds),
  ]);
  const measureOf = new Map<bigint, MeasureType>();
  for (const deed of deeds) if (deed && !(deed instanceof Error)) measureOf.set(deed.id, deed.measureType);
  const scaleIds = values.flatMap((value) => (value && !(value instanceof Error) ? [value.scaleId] : []));
  const scales = await actor.loaders.scales.loadMany([...new Set(scaleIds)]);
  const deedOfScale = new Map<bigint, bigint>();
  for (const scale of scales) if (scale && !(scale instanceof Error)) deedOfScale.set(scale.id, scale.deedId);
  const deedOfValue = new Map<bigint, bigint>();
  for (const value of values) {
    if (value && !(value instanceof Error)) deedOfValue.set(value.id, deedOfScale.get(value.scaleId)!);
  }

  const fieldErrors: FieldError[] = [];
  const seenIds = new Set<bigint>();
  const specs = inputs.map((input, index) => {
    const at = (field: string, message: string, constraint: string) =>
      fieldErrors.push({ path: [...rules.path, index, field], message, constraint });
    const deedId = deedIds[index]!;
    if (input.id != null) {
      if (rules.existingIds === null) at('id', 'must be omitted when creating', 'forbidden');
      else if (!rules.existingIds.has(input.id)) at('id', `is not an item of this ${rules.goal}`, 'itemOf');
      else if (seenIds.has(input.id)) at('id', 'is listed more than once', 'unique');
      seenIds.add(input.id);
    }
    if (rules.deedId !== undefined && deedId !== rules.deedId) {
      at('deedItemId', "must be an item of the merit's deed", 'sameDeed');
    }
    const scaleValueId = input.scaleValueId ?? null;
    if (measureOf.get(deedId) === MeasureType.SCALE) {
      if (scaleValueId === null) at('scaleValueId', 'is required for items of SCALE deeds', 'required');
      else if (deedOfValue.get(scaleValueId) !== deedId) at('scaleValueId', "must be a value of the deed's scales", 'scaleValue');
      if (!input.required.isInteger()) at('required', 'must be a whole number for scale items', 'isInt');
    } else if (scaleValueId !== null) {
      at('scaleValueId', 'must be omitted for items of COUNT deeds', 'forbidden');
    }
    if (input.required.lte(0)) at('required', 'must be greater than 0', 'min');
    return { id: input.id ?? null, deedItemId: input.deedItemId, scaleValueId, required: input.required };
  });
  const [first] = fieldErrors;
  if (first) throw badUserInput(`items: ${first.message}`, { fieldErrors });
  return specs;
}

export interface StoredItem {
  id: bigint;
  deedItemId: bigint;
  scaleValueId: bigint | null;
  required: Decimal;
}

/** One goal's item rows, inside the caller's transaction (goal-writes.ts builds them). */
export interface ItemTable {
  /** The goal's items in creation order. */
  list(): Promise<StoredItem[]>;
  remove(ids: bigint[]): Promise<unknown>;
  change(id: bigint, spec: GoalItemSpec): Promise<unknown>;
  add(specs: GoalItemSpec[]): Promise<unknown>;
}

const sameRequirement = (a: StoredItem, b: GoalItemSpec) =>
  a.deedItemId === b.deedItemId && a.scaleValueId === b.scaleValueId && a.required.equals(b.required);

/**
 * Replaces the goal's item set: listed ids keep their identity (updated in place when they
 * changed), unlisted items are removed, items without id are created. `changed` is false when
 * the requirements are exactly the same items as before.
 */
export async function replaceItems(
  table: ItemTable,
  current: readonly StoredItem[],
  specs: readonly GoalItemSpec[],
): Promise<{ removedIds: bigint[]; changed: boolean }> {
  const listed = new Map(specs.flatMap((spec) => (spec.id === null ? [] : [[spec.id, spec] as const])));
  // Ids were checked before the transaction; a concurrent update may have removed one since.
  const currentIds = new Set(current.map((item) => item.id));
  specs.forEach((spec, index) => {
    if (spec.id !== null && !currentIds.has(spec.id)) {
      throw invalidField(['input', 'items', index, 'id'], 'is no longer an item of this goal', 'itemOf');
    }
  });
  const removedIds = current.filter((item) => !listed.has(item.id)).map((item) => item.id);
  const changedItems = current.filter((item) => listed.has(item.id) && !sameRequirement(item, listed.get(item.id)!));
  const added = specs.filter((spec) => spec.id === null);
  if (removedIds.length) await table.remove(removedIds);
  for (const item of changedItems) await table.change(item.id, listed.get(item.id)!);
  if (added.length) await table.add(added);
  return { removedIds, changed: removedIds.length > 0 || changedItems.length > 0 || added.length > 0 };
}

/** The fields an audit row records for an item set. */
export function auditedItems(items: readonly StoredItem[]) {
  return items.map((item) => ({
    id: item.id,
    deedItemId: item.deedItemId,
    scaleValueId: item.scaleValueId,
    required: item.required.toFixed(2),
  }));
}
