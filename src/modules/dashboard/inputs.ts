import { ArgsType, Field, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';

export const DEFAULT_DASHBOARD_DAYS = 30;

/** `Query.dashboard` arguments, in the contract's order (the 1–365 range is the service's rule). */
@ArgsType()
export class DashboardArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_DASHBOARD_DAYS, description: 'Window length including today (1–365).' })
  days!: number | null;

  @Field(() => BigIntID, { nullable: true, description: 'Whose entries; defaults to the viewer.' })
  ownerId?: bigint | null;
}
