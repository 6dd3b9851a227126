import { IsOptional, Length, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { TimeZoneScalar } from '../../lib/scalars';
import { IsTrimmedEmail, NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { Theme, Weekday } from './enums';

const NAME_MAX = 255;
const EMAIL_MAX = 255;
const DELETION_REASON_MAX = 1000;
/** users.locale is VARCHAR(35), the longest BCP-47 tag RFC 5646 asks implementations to accept. */
const LOCALE_MAX = 35;

function IsPassword(): PropertyDecorator {
  return Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long`,
  });
}

/** A well-formed BCP-47 language tag (as `Intl` understands it). */
function IsLanguageTag(): PropertyDecorator {
  return ValidateBy({
    name: 'isLanguageTag',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          return Intl.getCanonicalLocales(value).length === 1;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'must be a BCP-47 language tag, e.g. en or ur-PK',
    },
  });
}

@InputType('RegisterInput', { description: 'Input for register.' })
export class RegisterInput {
  @Field(() => String, { description: 'Email address (max 255).' })
  @IsTrimmedEmail()
  @TrimmedLength(1, EMAIL_MAX)
  email!: string;

  @Field(() => String, { description: 'Password (10–128 characters).' })
  @IsPassword()
  password!: string;

  @Field(() => String, { description: 'Display name (1–255).' })
  @TrimmedLength(1, NAME_MAX)
  fullName!: string;

  @Field(() => TimeZoneScalar, { nullable: true, description: 'IANA timezone; defaults to UTC.' })
  timezone?: string | null;
}

@InputType('LoginInput', { description: 'Input for login.' })
export class LoginInput {
  @Field(() => String, { description: 'Email address.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@InputType('RestoreAccountInput', { description: 'Input for restoreAccount.' })
export class RestoreAccountInput {
  @Field(() => String, { description: 'Email address of the account scheduled for deletion.' })
  email!: string;

  @Field(() => String, { description: 'Its password.' })
  password!: string;
}

@InputType('VerifyEmailInput', { description: 'Input for verifyEmail.' })
export class VerifyEmailInput {
  @Field(() => String, { description: 'Token from the verification email.' })
  token!: string;
}

@InputType('RequestEmailVerificationInput', { description: 'Input for requestEmailVerification.' })
export class RequestEmailVerificationInput {
  @Field(() => String, { description: 'Email address to send a new verification link to.' })
  @IsTrimmedEmail()
  @TrimmedLength(1, EMAIL_MAX)
  email!: string;
}

@InputType('RequestPasswordResetInput', { description: 'Input for requestPasswordReset.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'Email address of the account.' })
  @IsTrimmedEmail()
  @TrimmedLength(1, EMAIL_MAX)
  email!: string;
}

@InputType('ResetPasswordInput', { description: 'Input for resetPassword.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'Token from the reset email (single use, 1 hour).' })
  token!: string;

  @Field(() => String, { description: 'New password (10–128 characters).' })
  @IsPassword()
  newPassword!: string;
}

@InputType('ChangePasswordInput', { description: 'Input for changePassword.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'Current password.' })
  currentPassword!: string;

  @Field(() => String, { description: 'New password (10–128 characters).' })
  @IsPassword()
  newPassword!: string;
}

@InputType('UserPreferencesInput', { description: 'Partial preferences; omitted fields keep their value.' })
export class UserPreferencesInput {
  @Field(() => String, { nullable: true, description: 'BCP-47 language tag.' })
  @NotNullWhenGiven()
  @MaxLength(LOCALE_MAX)
  @IsLanguageTag()
  locale?: string;

  @Field(() => Theme, { nullable: true, description: 'UI colour theme.' })
  @NotNullWhenGiven()
  theme?: Theme;

  @Field(() => Weekday, { nullable: true, description: 'First day of the week.' })
  @NotNullWhenGiven()
  weekStartsOn?: Weekday;

  @Field(() => Int, { nullable: true, description: 'Default dashboard days (1–365).' })
  @NotNullWhenGiven()
  @Min(1)
  @Max(365)
  defaultDashboardDays?: number;
}

@InputType('UpdateProfileInput', { description: 'Input for updateProfile; omitted fields are unchanged.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'New display name (1–255).' })
  @NotNullWhenGiven()
  @TrimmedLength(1, NAME_MAX)
  fullName?: string;

  @Field(() => TimeZoneScalar, {
    nullable: true,
    description: 'New IANA timezone (does not move existing entry dates).',
  })
  @NotNullWhenGiven()
  timezone?: string;

  @Field(() => UserPreferencesInput, { nullable: true, description: 'Preferences to merge.' })
  @NotNullWhenGiven()
  @ValidateNested()
  preferences?: UserPreferencesInput;
}

@InputType('DeleteAccountInput', { description: 'Input for deleteAccount.' })
export class DeleteAccountInput {
  @Field(() => String, { description: 'Current password, to confirm.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Optional reason (max 1000).' })
  @IsOptional()
  @TrimmedLength(0, DELETION_REASON_MAX)
  reason?: string | null;
}

@InputType('ExportMyDataInput', { description: 'Input for exportMyData.' })
export class ExportMyDataInput {
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Include soft-deleted records.' })
  includeDeleted?: boolean | null;
}
