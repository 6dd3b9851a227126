import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import { DisableReminderInput, SetReminderInput } from './inputs';
import { DisableReminderPayload, ReminderSetting, reminderSettingFromRecord, SetReminderPayload } from './types';

@Resolver(() => ReminderSetting)
export class ReminderResolver {
  @Query(() => ReminderSetting, { nullable: true, description: "The viewer's reminder setting; null if never set." })
  async reminderSetting(@Ctx() ctx: Context): Promise<ReminderSetting | null> {
    const row = await ctx.services.reminders.current(ctx.actor);
    return row ? reminderSettingFromRecord(row) : null;
  }

  @Mutation(() => SetReminderPayload, { description: 'Set (or re-enable) the daily reminder.' })
  async setReminder(
    @Ctx() ctx: Context,
    @Arg('input', () => SetReminderInput, { description: 'The mutation input.' }) input: SetReminderInput,
  ): Promise<SetReminderPayload> {
    const row = await ctx.services.reminders.set(ctx.actor, input);
    return { reminderSetting: reminderSettingFromRecord(row) };
  }

  @Mutation(() => DisableReminderPayload, { description: 'Disable the daily reminder.' })
  async disableReminder(
    @Ctx() ctx: Context,
    @Arg('input', () => DisableReminderInput, { description: 'The mutation input.' }) input: DisableReminderInput,
  ): Promise<DisableReminderPayload> {
    const row = await ctx.services.reminders.disable(ctx.actor, input.id);
    return { reminderSetting: reminderSettingFromRecord(row) };
  }
}
