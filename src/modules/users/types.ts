import { Field, Int } from 'type-graphql';
import type { User as UserRecord } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { todayIn } from '../../lib/local-dates';
import { DateScalar, DateTimeScalar, type LocalDate, TimeZoneScalar } from '../../lib/scalars';
import { Theme, UserRole, Weekday } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

@ApiObjectType('UserPreferences', { description: 'Typed user preferences stored on the user record.' })
export class UserPreferences {
  @Field(() => String, { description: 'BCP-47 language tag for the UI, e.g. `en` or `ur-PK`.' })
  locale!: string;

  @Field(() => Theme, { description: 'UI colour theme.' })
  theme!: Theme;

  @Field(() => Weekday, { description: 'First day of the week in calendars and weekly views.' })
  weekStartsOn!: Weekday;

  @Field(() => Int, { description: 'Default number of days shown on the dashboard (1–365).' })
  defaultDashboardDays!: number;
}

@ApiObjectType('UserProfile', { description: 'Public profile of a user, visible to the user and their connections.' })
export class UserProfile {
  @Field(() => BigIntID, { description: 'User id (same id as the private User).' })
  id!: bigint;

  @Field(() => String, { description: 'Display name.' })
  fullName!: string;

  @Field(() => TimeZoneScalar, { description: "IANA timezone; defines this user's entry dates." })
  timezone!: string;
}

@ApiObjectType('User', { description: "The signed-in user's private view of their own account." })
export class User {
  @Field(() => BigIntID, { description: 'User id.' })
  id!: bigint;

  @Field(() => String, { description: 'Login email address (unique, case-insensitive).' })
  email!: string;

  @Field(() => Boolean, { description: 'Whether the email address has been verified.' })
  emailVerified!: boolean;

  @Field(() => String, { description: 'Display name.' })
  fullName!: string;

  @Field(() => TimeZoneScalar, { description: 'IANA timezone used for entry dates, dashboards and progress windows.' })
  timezone!: string;

  @Field(() => DateScalar, { description: "Today's date in the user's timezone." })
  today!: LocalDate;

  @Field(() => UserPreferences, { description: 'App preferences (partial updates are merged).' })
  preferences!: UserPreferences;

  @Field(() => Int, { description: 'Number of unread messages from support.' })
  /** Resolved per request by UserResolver (through a DataLoader), never stored here. */
  unreadSupportMessageCount?: number;

  @Field(() => UserProfile, { description: 'Public profile of this user as others see it.' })
  profile!: UserProfile;

  @Field(() => DateTimeScalar, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the account was last changed.' })
  updatedAt!: Date;

  @Field(() => UserRole, { description: 'USER, or SUPPORT for accounts of the support team (set from the command line, never through the API).' })
  role!: UserRole;
}

export function userProfileFromRecord(record: UserRecord): UserProfile {
  return { id: record.id, fullName: record.fullName, timezone: record.timezone };
}

/** The GraphQL `User` for a user row, with `today` taken at call time (once per request). */
export function userFromRecord(record: UserRecord, now: Date = new Date()): User {
  return {
    id: record.id,
    email: record.email,
    emailVerified: record.emailVerified,
    fullName: record.fullName,
    timezone: record.timezone,
    today: todayIn(record.timezone, now),
    preferences: {
      locale: record.locale,
      theme: record.theme,
      weekStartsOn: record.weekStartsOn,
      defaultDashboardDays: record.defaultDashboardDays,
    },
    profile: userProfileFromRecord(record),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    role: record.role,
  };
}
