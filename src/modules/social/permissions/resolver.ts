import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context-types';
import type { DeedItemRecord } from '../../deeds/types';
import type { UserProfile } from '../../users/types';
import { loadProfile } from '../profiles';
import { Permission, PermissionConnection, type PermissionRecord, type RelationRecord } from '../types';
import { GrantPermissionInput, PermissionsGrantedByMeArgs, PermissionsGrantedToMeArgs, RevokePermissionInput } from './inputs';
import { GrantPermissionPayload, RevokePermissionPayload } from './payloads';

@Resolver(() => Permission)
export class PermissionResolver {
  @Query(() => PermissionConnection, { description: 'Permissions the viewer granted as owner, newest first.' })
  permissionsGrantedByMe(
    @Args(() => PermissionsGrantedByMeArgs) { filter, first, after }: PermissionsGrantedByMeArgs,
    @Ctx() ctx: Context,
  ): Promise<PermissionConnection> {
    return ctx.services.permissions.grantedBy(ctx.actor, filter, { first, after });
  }

  @Query(() => PermissionConnection, { description: 'Active permissions granted to the viewer, newest first.' })
  permissionsGrantedToMe(
    @Args(() => PermissionsGrantedToMeArgs) { filter, first, after }: PermissionsGrantedToMeArgs,
    @Ctx() ctx: Context,
  ): Promise<PermissionConnection> {
    return ctx.services.permissions.grantedTo(ctx.actor, filter, { first, after });
  }

  @Mutation(() => GrantPermissionPayload, { description: 'Grant READ or WRITE on an owned deed item to a connected requester.' })
  async grantPermission(
    @Arg('input', () => GrantPermissionInput, { description: 'The mutation input.' }) input: GrantPermissionInput,
    @Ctx() ctx: Context,
  ): Promise<GrantPermissionPayload> {
    return ctx.services.permissions.grant(ctx.actor, input);
  }

  @Mutation(() => RevokePermissionPayload, { description: 'Revoke a permission (history is kept).' })
  async revokePermission(
    @Arg('input', () => RevokePermissionInput, { description: 'The mutation input.' }) input: RevokePermissionInput,
    @Ctx() ctx: Context,
  ): Promise<RevokePermissionPayload> {
    return ctx.services.permissions.revoke(ctx.actor, input.permissionId);
  }

  @FieldResolver()
  relation(@Root() permission: PermissionRecord, @Ctx() ctx: Context): Promise<RelationRecord> {
    return loadRelation(ctx, permission);
  }

  @FieldResolver()
  async grantor(@Root() permission: PermissionRecord, @Ctx() ctx: Context): Promise<UserProfile> {
    return loadProfile(ctx, (await loadRelation(ctx, permission)).requesteeId);
  }

  @FieldResolver()
  async grantee(@Root() permission: PermissionRecord, @Ctx() ctx: Context): Promise<UserProfile> {
    return loadProfile(ctx, (await loadRelation(ctx, permission)).requesterId);
  }

  /** Null when the viewer may no longer see the item (a grantee after the item was deleted). */
  @FieldResolver()
  async deedItem(@Root() permission: PermissionRecord, @Ctx() ctx: Context): Promise<DeedItemRecord | null> {
    if (!(await ctx.authority.itemAccess(permission.deedItemId))) return null;
    return ctx.loaders.deedItems.load(permission.deedItemId);
  }
}

/** The relation a permission was made through; removed relations too (payloads of remove and block show them). */
async function loadRelation(ctx: Context, permission: PermissionRecord): Promise<RelationRecord> {
  const relation = await ctx.loaders.relations.load(permission.relationId);
  if (!relation) throw new Error(`Relation ${permission.relationId} of permission ${permission.id} does not exist`);
  return relation;
}
