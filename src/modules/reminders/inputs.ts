import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { LocalTimeScalar, type LocalTimeString, TimeZoneScalar } from '../../lib/scalars';

@InputType('SetReminderInput', { description: 'Input for setReminder.' })
export class SetReminderInput {
  @Field(() => LocalTimeScalar, { description: 'Local time of day.' })
  time!: LocalTimeString;

  @Field(() => TimeZoneScalar, { nullable: true, description: "IANA timezone; defaults to the viewer's timezone." })
  timezone?: string | null;
}

@InputType('DisableReminderInput', { description: 'Input for disableReminder.' })
export class DisableReminderInput {
  @Field(() => BigIntID, { description: 'Reminder setting id.' })
  id!: bigint;
}
