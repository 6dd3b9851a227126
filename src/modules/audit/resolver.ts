import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { UserProfile } from '../users/types';
import { AuditEventsArgs } from './inputs';
import { AuditEvent, AuditEventConnection } from './types';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { description: 'Audit events performed by or affecting the viewer, newest first.' })
  auditEvents(
    @Ctx() ctx: Context,
    @Args(() => AuditEventsArgs) { filter, first, after }: AuditEventsArgs,
  ): Promise<AuditEventConnection> {
    return ctx.services.audit.list(ctx.actor.authority, filter, { first, after });
  }

  @FieldResolver()
  async actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<UserProfile | null> {
    return event.actorId === null ? null : ctx.loaders.userProfiles.load(event.actorId);
  }
}
