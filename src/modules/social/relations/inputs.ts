import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../../lib/id';
import { IsTrimmedEmail, TrimmedLength } from '../../../lib/validators';
import { ConnectionRequestDecision, RelationDirection, RelationStatus } from '../enums';

@InputType('RelationFilter', { description: 'Filter for the relations list.' })
export class RelationFilter {
  @Field(() => RelationDirection, { nullable: true, description: 'Only incoming or outgoing; both when omitted.' })
  direction?: RelationDirection | null;

  @Field(() => [RelationStatus], { nullable: true, description: 'Only these statuses; all visible statuses when omitted.' })
  statuses?: RelationStatus[] | null;
}

@InputType('SendConnectionRequestInput', { description: 'Input for sendConnectionRequest.' })
export class SendConnectionRequestInput {
  @Field(() => String, { description: 'Email of the user to request (becomes the requestee).' })
  @TrimmedLength(1, 255)
  @IsTrimmedEmail()
  email!: string;
}

@InputType('RespondToConnectionRequestInput', { description: 'Input for respondToConnectionRequest.' })
export class RespondToConnectionRequestInput {
  @Field(() => BigIntID, { description: 'Pending incoming relation id.' })
  relationId!: bigint;

  @Field(() => ConnectionRequestDecision, { description: 'Accept or reject.' })
  decision!: ConnectionRequestDecision;
}

@InputType('BlockUserInput', { description: 'Input for blockUser.' })
export class BlockUserInput {
  @Field(() => BigIntID, { description: 'User to block.' })
  userId!: bigint;
}

@InputType('RemoveConnectionInput', { description: 'Input for removeConnection.' })
export class RemoveConnectionInput {
  @Field(() => BigIntID, { description: 'Relation id (either party; the blocker for BLOCKED relations).' })
  relationId!: bigint;
}

/** Arguments of `relations` (an args class keeps them in the contract's order). */
@ArgsType()
export class RelationsArgs {
  @Field(() => RelationFilter, { nullable: true, description: 'Optional filter.' })
  filter?: RelationFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}
