import { FIRST_NAMES, LAST_NAMES, LOCALES, REFLECTIONS, THEMES, TIME_ZONES, WEEK_STARTS } from './catalog';
import { formatDay, formatInstant, formatTime, instantOn } from './clock';
import { generateDeeds, type DemoOwner } from './deeds';
import { drawHabits, generateEntries, type Habits } from './entries';
import { clampInstant, demoEmail, type GenerationContext } from './generation';
import { generateGoals } from './goals';
import { Random } from './random';
import type { RowBatch } from './tables';

/** What the social generator needs to know about a user generated earlier. */
export interface UserSummary {
  id: number;
  createdAt: number;
  /** Items another user may be granted: level 1 and 2 (a grant covers their subtrees). */
  grantableItemIds: number[];
}

const SECONDS_PER_DAY = 86_400;

/**
 * User number `index` (0-based) with everything they own: account (verified, the shared demo
 * password), deeds, items, scales, entries and history, merits, targets, a reminder and some
 * reflections. Each user draws from a random stream of its own, so users do not depend on
 * one another.
 */
export function generateUser(ctx: GenerationContext, index: number, batch: RowBatch): UserSummary {
  const rng = new Random(ctx.seed, 'user', index);
  const joinedEarly = rng.chance(0.8);
  const joinDay = joinedEarly
    ? ctx.firstDay - rng.int(1, 60)
    : ctx.firstDay + rng.int(0, Math.max(0, Math.floor(ctx.days * 0.6)));
  const createdAt = clampInstant(ctx, instantOn(Math.min(joinDay, ctx.today), rng.int(6, 22) * 3600));
  const owner: DemoOwner = { id: ctx.ids.next('users'), createdAt, joinDay };
  const timezone = rng.pick(TIME_ZONES);

  const created = formatInstant(createdAt);
  const lastLogin = formatInstant(clampInstant(ctx, instantOn(ctx.today - rng.int(0, 20), rng.int(5, 23) * 3600)));
  batch.add('users', [
    owner.id, demoEmail(index), ctx.passwordHash, `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, true,
    formatInstant(clampInstant(ctx, createdAt + rng.int(60, 3600))), timezone, rng.pick(LOCALES), rng.pick(THEMES),
    rng.pick(WEEK_STARTS), rng.pick([7, 30, 30, 90]), true, created, lastLogin, created, created,
  ]);

  const deeds = generateDeeds(ctx, rng, owner, batch);
  const habits = drawHabits(ctx, rng);
  generateEntries(ctx, rng, owner, deeds, habits, batch);
  generateGoals(ctx, rng, owner, deeds, batch);
  generateReminder(ctx, rng, owner, timezone, batch);
  generateReflections(ctx, rng, owner, habits, batch);

  return {
    id: owner.id,
    createdAt,
    grantableItemIds: deeds.flatMap((deed) => deed.items.filter((item) => item.level <= 2).map((item) => item.id)),
  };
}

/** Two users in three keep a daily reminder at a local time of their choosing. */
function generateReminder(ctx: GenerationContext, rng: Random, owner: DemoOwner, timezone: string, batch: RowBatch): void {
  if (!rng.chance(0.65)) return;
  const at = formatInstant(clampInstant(ctx, owner.createdAt + rng.int(1, 3) * SECONDS_PER_DAY));
  batch.add('notifications', [
    ctx.ids.next('notifications'), owner.id, formatTime(rng.int(5, 22), rng.pick([0, 15, 30, 45])), timezone, true, at, at,
  ]);
}

/** Two users in five write reflections: a daily one now and then, gratitude more rarely. */
function generateReflections(ctx: GenerationContext, rng: Random, owner: DemoOwner, habits: Habits, batch: RowBatch): void {
  if (!rng.chance(0.4)) return;
  const start = Math.max(ctx.firstDay, owner.joinDay + 1);
  for (let day = start; day <= ctx.today; day++) {
    for (const [type, chance] of [['DAILY', 0.12 * habits.activity], ['GRATITUDE', 0.04]] as const) {
      if (!rng.chance(chance)) continue;
      const at = formatInstant(clampInstant(ctx, instantOn(day, rng.int(19, 23) * 3600)));
      batch.add('reflection_messages', [
        ctx.ids.next('reflection_messages'), owner.id, formatDay(day), type, rng.pick(REFLECTIONS[type]), at, at,
      ]);
    }
  }
}
