import { Field, Int } from 'type-graphql';
import type {
  Merit as MeritRecord,
  MeritItem as MeritItemRecord,
  Target as TargetRecord,
  TargetItem as TargetItemRecord,
} from '../../generated/prisma/client';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { Deed } from '../deeds/types';
import { GoalFields, GoalItemFields, GoalItemObject, GoalObject } from './goal-type-fields';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * The GraphQL object types of merits and targets (CONTRACT.md section 6). Like the deeds
 * types, scalar fields are spelled like the Prisma records so resolvers return rows as they
 * come; derived fields (endDate, status, progress) and relations are optional properties
 * resolved by the field resolvers through the request's DataLoaders. The fields merits and
 * targets share come from goal-type-fields.ts; each type here names its own.
 */

export type { MeritRecord, MeritItemRecord, TargetRecord, TargetItemRecord };
export { GoalProgress, ItemProgress } from './goal-type-fields';

@ApiObjectType('Merit', { description: 'A deed-specific achievement made of merit items.' })
@GoalFields('merit', {
  afterId: { deed: Field(() => Deed, { description: 'The deed whose items this merit tracks.' }) },
  afterStartDate: {
    durationDays: Field(() => Int, { nullable: true, description: 'Window length in days; null for open-ended.' }),
    endDate: Field(() => DateScalar, {
      nullable: true,
      description: 'Last day of the window (startDate + durationDays − 1); null if open-ended.',
    }),
  },
  itemType: () => MeritItem,
})
export class Merit extends GoalObject implements MeritRecord {
  /** Exposed as `deed`. */
  deedId!: bigint;

  deed?: Deed;

  durationDays!: number | null;

  endDate?: LocalDate | null;

  items?: MeritItem[];
}

@ApiObjectType('MeritItem', { description: 'One requirement of a merit on a deed item (and its descendants).' })
@GoalItemFields('merit', { merit: Field(() => Merit, { description: 'The merit this item belongs to.' }) })
export class MeritItem extends GoalItemObject implements MeritItemRecord {
  /** Exposed as `merit`. */
  meritId!: bigint;

  merit?: Merit;
}

@ApiObjectType('Target', { description: 'A multi-deed goal over a date range made of target items.' })
@GoalFields('target', {
  afterStartDate: {
    endDate: Field(() => DateScalar, { description: 'Last day of the range, inclusive (>= startDate).' }),
  },
  itemType: () => TargetItem,
})
export class Target extends GoalObject implements TargetRecord {
  endDate!: Date;

  items?: TargetItem[];
}

@ApiObjectType('TargetItem', {
  description: "One requirement of a target on a deed item (and its descendants), from any of the owner's deeds.",
})
@GoalItemFields('target', { target: Field(() => Target, { description: 'The target this item belongs to.' }) })
export class TargetItem extends GoalItemObject implements TargetItemRecord {
  /** Exposed as `target`. */
  targetId!: bigint;

  target?: Target;
}
