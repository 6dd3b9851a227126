import { Field } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateTimeScalar, JSONScalar } from '../../lib/scalars';
import { User } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

@ApiObjectType('AuthPayload', {
  description: 'A session token and the signed-in user (register, login, resetPassword, changePassword).',
})
export class AuthPayload {
  @Field(() => String, { description: 'JWT bearer token for the Authorization header.' })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the token expires.' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@ApiObjectType('VerifyEmailPayload', { description: 'Result of verifyEmail.' })
export class VerifyEmailPayload {
  @Field(() => Boolean, { description: 'Always true on success (invalid tokens raise BAD_USER_INPUT).' })
  verified!: boolean;

  @Field(() => User, { nullable: true, description: 'The verified user, when the request is authenticated as that user.' })
  user!: User | null;
}

@ApiObjectType('RequestEmailVerificationPayload', { description: 'Result of requestEmailVerification.' })
export class RequestEmailVerificationPayload {
  @Field(() => Boolean, { description: 'Always true; does not reveal whether an unverified account exists.' })
  accepted!: boolean;
}

@ApiObjectType('RequestPasswordResetPayload', { description: 'Result of requestPasswordReset.' })
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: 'Always true; does not reveal whether the account exists.' })
  accepted!: boolean;
}

@ApiObjectType('UpdateProfilePayload', { description: 'Result of updateProfile.' })
export class UpdateProfilePayload {
  @Field(() => User, { description: 'The updated user.' })
  user!: User;
}

@ApiObjectType('DeleteAccountPayload', { description: 'Result of deleteAccount.' })
export class DeleteAccountPayload {
  @Field(() => BigIntID, { description: 'Id of the deleted user (evict from caches).' })
  deletedUserId!: bigint;

  @Field(() => DateTimeScalar, { description: 'When the account was soft-deleted.' })
  deletedAt!: Date;

  @Field(() => DateTimeScalar, {
    description: 'End of the grace period: until then restoreAccount cancels the deletion; after it the account is erased.',
  })
  purgeAfter!: Date;
}

@ApiObjectType('ExportMyDataPayload', { description: 'Result of exportMyData.' })
export class ExportMyDataPayload {
  @Field(() => JSONScalar, { description: 'All data owned by the viewer as one JSON document.' })
  data!: unknown;

  @Field(() => DateTimeScalar, { description: 'When the export was generated.' })
  generatedAt!: Date;
}
