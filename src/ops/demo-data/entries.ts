import { ENTRY_NOTES, type DeedTemplate } from './catalog';
import { formatDay, formatInstant, instantOn } from './clock';
import type { DemoDeed, DemoOwner, DemoScale } from './deeds';
import { clampInstant, type GenerationContext } from './generation';
import type { Random } from './random';
import type { RowBatch } from './tables';

/** How a user behaves over the window. */
export interface Habits {
  /** Chance the user records anything on a given day. */
  activity: number;
  /** 0–1: how well their days go (better scale values, more good counts, fewer bad ones). */
  discipline: number;
  /** Days without any entry (travel, illness): [first, last] or null. */
  gap: readonly [number, number] | null;
}

export function drawHabits(ctx: GenerationContext, rng: Random): Habits {
  const gapStart = ctx.firstDay + rng.int(0, ctx.days - 1);
  return {
    activity: rng.float(0.55, 1),
    discipline: rng.next(),
    gap: rng.chance(0.3) ? [gapStart, gapStart + rng.int(5, 30)] : null,
  };
}

interface EntryValue {
  scaleId: number | null;
  scaleValueId: number | null;
  count: string | null;
}

const SECONDS_PER_HOUR = 3600;

/**
 * A year (the window) of entries on the tracked leaves, each with its CREATED history row;
 * about 3 % were corrected later and carry an UPDATED row too. Returns the number of entries.
 */
export function generateEntries(
  ctx: GenerationContext,
  rng: Random,
  owner: DemoOwner,
  deeds: DemoDeed[],
  habits: Habits,
  batch: RowBatch,
): number {
  let written = 0;
  const start = Math.max(ctx.firstDay, owner.joinDay + 1);
  for (let day = start; day <= ctx.today; day++) {
    if (habits.gap && day >= habits.gap[0] && day <= habits.gap[1]) continue;
    if (!rng.chance(habits.activity)) continue;
    const date = formatDay(day);
    for (const deed of deeds) {
      for (const tracked of deed.tracked) {
        if (!rng.chance(tracked.chance)) continue;
        writeEntry(ctx, rng, owner, deed, tracked.itemId, day, date, habits.discipline, batch);
        written++;
      }
    }
  }
  return written;
}

function writeEntry(
  ctx: GenerationContext,
  rng: Random,
  owner: DemoOwner,
  deed: DemoDeed,
  itemId: number,
  day: number,
  date: string,
  discipline: number,
  batch: RowBatch,
): void {
  // Mostly recorded the same evening, sometimes the next day or two.
  const late = rng.chance(0.1) ? rng.int(1, 2) * 24 * SECONDS_PER_HOUR : 0;
  const createdAt = clampInstant(ctx, instantOn(day, rng.int(5 * SECONDS_PER_HOUR, 23 * SECONDS_PER_HOUR)) + late);
  const value = entryValue(rng, deed, day, discipline);
  const notes = rng.chance(0.04) ? rng.pick(ENTRY_NOTES) : null;
  const corrected = rng.chance(0.03) ? differentValue(rng, deed, value) : null;
  const updatedAt = corrected ? clampInstant(ctx, createdAt + rng.int(600, 48 * SECONDS_PER_HOUR)) : createdAt;

  const entryId = ctx.ids.next('entries');
  batch.add('entries', [
    entryId, owner.id, owner.id, itemId, date, value.scaleId, value.scaleValueId, value.count, notes,
    formatInstant(createdAt), formatInstant(updatedAt),
  ]);
  const first = corrected ?? value;
  batch.add('entry_history', [
    ctx.ids.next('entry_history'), entryId, 'CREATED', owner.id, formatInstant(createdAt),
    null, null, null, first.scaleValueId, first.count, notes,
  ]);
  if (corrected) {
    batch.add('entry_history', [
      ctx.ids.next('entry_history'), entryId, 'UPDATED', owner.id, formatInstant(updatedAt),
      corrected.scaleValueId, corrected.count, notes, value.scaleValueId, value.count, notes,
    ]);
  }
}

/** The scale version in use on `day`. */
function scaleOn(scales: DemoScale[], day: number): DemoScale {
  let current = scales[0]!;
  for (const scale of scales) if (day >= scale.fromDay) current = scale;
  return current;
}

/**
 * Disciplined users score better: higher values on good deeds' scales, the first value
 * ("Calm", "Avoided") on bad deeds' scales; larger good counts and smaller bad ones.
 */
function entryValue(rng: Random, deed: DemoDeed, day: number, discipline: number): EntryValue {
  const good = deed.template.category === 'HASANAAT';
  if (deed.template.measure === 'SCALE') {
    const scale = scaleOn(deed.scales, day);
    const n = scale.valueIds.length;
    const beta = 4 * discipline - 1;
    const weights = scale.valueIds.map((_, k) => Math.exp(beta * (good ? k / (n - 1) : 1 - k / (n - 1))));
    return { scaleId: scale.scaleId, scaleValueId: scale.valueIds[rng.weightedIndex(weights)]!, count: null };
  }
  const exponent = good ? 1.5 - discipline : 0.8 + 2 * discipline;
  return { scaleId: null, scaleValueId: null, count: countValue(deed.template, rng.next() ** exponent) };
}

function countValue(template: DeedTemplate, fraction: number): string {
  const { min, max, decimals } = template.count!;
  const value = min + (max - min) * fraction;
  return decimals === 2 ? value.toFixed(2) : Math.round(value).toFixed(0);
}

/** What the entry held before the user corrected it: another value of the same kind. */
function differentValue(rng: Random, deed: DemoDeed, value: EntryValue): EntryValue {
  if (value.count !== null) {
    const count = Number(value.count);
    const other = count >= 1 ? count - 1 : count + 1;
    return { ...value, count: deed.template.count!.decimals === 2 ? other.toFixed(2) : other.toFixed(0) };
  }
  const scale = deed.scales.find((s) => s.scaleId === value.scaleId)!;
  const others = scale.valueIds.filter((id) => id !== value.scaleValueId);
  return { ...value, scaleValueId: rng.pick(others) };
}
