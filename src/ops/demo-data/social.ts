import { formatInstant } from './clock';
import { clampInstant, type GenerationContext } from './generation';
import { Random } from './random';
import type { RowBatch } from './tables';
import type { UserSummary } from './users';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Connection requests between the users and grants over the accepted ones (CONTRACT.md
 * section 3): requester → requestee, one live relation per ordered pair, never to oneself;
 * the requestee (owner) grants READ or WRITE on some of their items to the requester. About
 * one grant in eight changed type once: version 1 revoked, version 2 active.
 */
export function generateSocial(ctx: GenerationContext, users: readonly UserSummary[], batch: RowBatch): void {
  if (users.length < 2) return;
  const rng = new Random(ctx.seed, 'social');
  users.forEach((requester, index) => {
    const outgoing = rng.weightedIndex([0.15, 0.3, 0.3, 0.15, 0.1]);
    const others = new Set<number>();
    while (others.size < Math.min(outgoing, users.length - 1)) {
      // Mostly people "nearby" (one circle of friends), sometimes anyone.
      const offset = rng.int(1, rng.chance(0.7) ? Math.min(20, users.length - 1) : users.length - 1);
      others.add((index + offset) % users.length);
    }
    for (const other of others) connect(ctx, rng, requester, users[other]!, batch);
  });
}

function connect(ctx: GenerationContext, rng: Random, requester: UserSummary, owner: UserSummary, batch: RowBatch): void {
  const status = ['ACCEPTED', 'PENDING', 'REJECTED'][rng.weightedIndex([0.75, 0.15, 0.1])]!;
  const sentAt = clampInstant(ctx, Math.max(requester.createdAt, owner.createdAt) + rng.int(1, 30) * DAY + rng.int(0, DAY));
  const respondedAt = status === 'PENDING' ? null : clampInstant(ctx, sentAt + rng.int(HOUR, 3 * DAY));
  const relationId = ctx.ids.next('relations');
  batch.add('relations', [
    relationId, requester.id, owner.id, status, respondedAt === null ? null : formatInstant(respondedAt),
    formatInstant(sentAt), formatInstant(respondedAt ?? sentAt),
  ]);
  if (status !== 'ACCEPTED' || owner.grantableItemIds.length === 0) return;

  for (const itemId of rng.sample(owner.grantableItemIds, rng.int(1, 3))) {
    const type = rng.chance(0.65) ? 'READ' : 'WRITE';
    let grantedAt = clampInstant(ctx, respondedAt! + rng.int(60, 2 * DAY));
    let version = 1;
    if (rng.chance(0.12)) {
      const revokedAt = clampInstant(ctx, grantedAt + rng.int(1, 60) * DAY);
      const first = type === 'READ' ? 'WRITE' : 'READ';
      batch.add('permissions', [
        ctx.ids.next('permissions'), relationId, itemId, first, version, false, formatInstant(grantedAt),
        formatInstant(revokedAt), formatInstant(grantedAt), formatInstant(revokedAt),
      ]);
      grantedAt = revokedAt;
      version = 2;
    }
    const at = formatInstant(grantedAt);
    batch.add('permissions', [ctx.ids.next('permissions'), relationId, itemId, type, version, true, at, null, at, at]);
  }
}
