import { MERIT_PREFIXES, TARGET_NAMES } from './catalog';
import { formatDay, formatInstant, instantOn } from './clock';
import type { DemoDeed, DemoItem, DemoOwner } from './deeds';
import { clampInstant, type GenerationContext } from './generation';
import type { Random } from './random';
import type { RowBatch } from './tables';

/**
 * Merits (items of one deed) and targets (items of any of the owner's deeds), following
 * CONTRACT.md section 6: a scale value on SCALE items (whole `required`), none on COUNT items,
 * `required` > 0. `completed_at` stays null: the progress backstop job marks the goals the
 * data completes, as it does for any goal.
 */
export function generateGoals(
  ctx: GenerationContext,
  rng: Random,
  owner: DemoOwner,
  deeds: DemoDeed[],
  batch: RowBatch,
): void {
  const meritCount = rng.weightedIndex([0.25, 0.35, 0.25, 0.15]);
  for (let i = 0; i < meritCount; i++) generateMerit(ctx, rng, owner, rng.pick(deeds), batch);
  const targetCount = rng.weightedIndex([0.4, 0.4, 0.2]);
  for (let i = 0; i < targetCount; i++) generateTarget(ctx, rng, owner, deeds, batch);
}

/** A start day inside the window, after the account existed. */
function startDay(ctx: GenerationContext, rng: Random, owner: DemoOwner): number {
  const earliest = Math.max(ctx.firstDay, owner.joinDay + 1);
  return Math.min(ctx.today, earliest + rng.int(0, Math.max(0, ctx.today - earliest)));
}

function createdBefore(ctx: GenerationContext, rng: Random, owner: DemoOwner, day: number): string {
  const instant = instantOn(day - rng.int(0, 3), rng.int(7, 22) * 3600);
  return formatInstant(clampInstant(ctx, Math.max(owner.createdAt + 3600, instant)));
}

function generateMerit(ctx: GenerationContext, rng: Random, owner: DemoOwner, deed: DemoDeed, batch: RowBatch): void {
  const items = rng.sample(deed.items, rng.int(1, 3));
  const start = startDay(ctx, rng, owner);
  const at = createdBefore(ctx, rng, owner, start);
  const meritId = ctx.ids.next('merits');
  batch.add('merits', [
    meritId, owner.id, deed.id, `${rng.pick(MERIT_PREFIXES)} ${items[0]!.name}`.slice(0, 255),
    rng.chance(0.7) ? 'ALL' : 'ANY', formatDay(start), rng.chance(0.2) ? null : rng.pick([7, 30, 40, 90]),
    !rng.chance(0.1), at, at,
  ]);
  for (const item of items) {
    const goal = goalItem(rng, deed);
    batch.add('merit_items', [ctx.ids.next('merit_items'), meritId, item.id, goal.scaleValueId, goal.required, at, at]);
  }
}

function generateTarget(ctx: GenerationContext, rng: Random, owner: DemoOwner, deeds: DemoDeed[], batch: RowBatch): void {
  const candidates: Array<{ deed: DemoDeed; item: DemoItem }> = deeds.flatMap((deed) =>
    deed.items.map((item) => ({ deed, item })),
  );
  const chosen = rng.sample(candidates, rng.int(1, 4));
  const start = startDay(ctx, rng, owner);
  const at = createdBefore(ctx, rng, owner, start);
  const targetId = ctx.ids.next('targets');
  batch.add('targets', [
    targetId, owner.id, rng.pick(TARGET_NAMES), rng.chance(0.6) ? 'ALL' : 'ANY', formatDay(start),
    formatDay(start + rng.int(14, 120)), !rng.chance(0.1), at, at,
  ]);
  for (const { deed, item } of chosen) {
    const goal = goalItem(rng, deed);
    batch.add('target_items', [ctx.ids.next('target_items'), targetId, item.id, goal.scaleValueId, goal.required, at, at]);
  }
}

/**
 * SCALE: so many days with the best value of the active scale (the highest for good deeds,
 * the first for bad ones). COUNT: a total in the deed's usual range.
 */
function goalItem(rng: Random, deed: DemoDeed): { scaleValueId: number | null; required: string } {
  if (deed.template.measure === 'SCALE') {
    const active = deed.scales[deed.scales.length - 1]!;
    const best = deed.template.category === 'HASANAAT' ? active.valueIds[active.valueIds.length - 1]! : active.valueIds[0]!;
    return { scaleValueId: best, required: String(rng.int(5, 40)) };
  }
  const { min, max } = deed.template.count!;
  const perDay = Math.max(1, (min + max) / 2);
  return { scaleValueId: null, required: Math.max(1, Math.round(perDay * rng.int(5, 40))).toFixed(2) };
}
