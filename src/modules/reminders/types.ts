import { Field } from 'type-graphql';
import type { Notification } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { DateScalar, DateTimeScalar, LocalTimeScalar, TimeZoneScalar } from '../../lib/scalars';
import { ApiObjectType } from '../../lib/api-object-type';

/** Reminder settings live in the `notifications` table. */
export type ReminderSettingRecord = Notification;

@ApiObjectType('ReminderSetting', { description: "The user's daily reminder (at most one active per user)." })
export class ReminderSetting {
  @Field(() => BigIntID, { description: 'Reminder setting id.' })
  id!: bigint;

  /** The TIME column, read by Prisma as a Date on 1970-01-01 UTC. */
  @Field(() => LocalTimeScalar, { description: 'Local time of day the reminder fires.' })
  time!: Date;

  @Field(() => TimeZoneScalar, { description: 'Timezone the time is interpreted in.' })
  timezone!: string;

  @Field(() => Boolean, { description: 'Whether the reminder is active.' })
  isActive!: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Last date (in the reminder's timezone) a reminder was sent." })
  lastSentOn!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the setting was last changed.' })
  updatedAt!: Date;
}

export function reminderSettingFromRecord(record: ReminderSettingRecord): ReminderSetting {
  return {
    id: record.id,
    time: record.notificationTime,
    timezone: record.timezone,
    isActive: record.isActive,
    lastSentOn: record.lastSentOn,
    updatedAt: record.updatedAt,
  };
}

@ApiObjectType('SetReminderPayload', { description: 'Result of setReminder.' })
export class SetReminderPayload {
  @Field(() => ReminderSetting, { description: 'The active reminder setting.' })
  reminderSetting!: ReminderSetting;
}

@ApiObjectType('DisableReminderPayload', { description: 'Result of disableReminder.' })
export class DisableReminderPayload {
  @Field(() => ReminderSetting, { description: 'The setting with isActive false.' })
  reminderSetting!: ReminderSetting;
}
