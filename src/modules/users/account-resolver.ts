import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import type { Session } from './auth-service';
import {
  ChangePasswordInput,
  DeleteAccountInput,
  ExportMyDataInput,
  LoginInput,
  RegisterInput,
  RequestEmailVerificationInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  RestoreAccountInput,
  UpdateProfileInput,
  VerifyEmailInput,
} from './inputs';
import {
  AuthPayload,
  DeleteAccountPayload,
  ExportMyDataPayload,
  RequestEmailVerificationPayload,
  RequestPasswordResetPayload,
  UpdateProfilePayload,
  VerifyEmailPayload,
} from './payloads';
import { userFromRecord } from './types';

const INPUT = { description: 'The mutation input.' };

function authPayload(session: Session): AuthPayload {
  return { token: session.token, expiresAt: session.expiresAt, user: userFromRecord(session.user) };
}

/** Account mutations (CONTRACT.md section 2); the rules live in AuthService and UserService. */
@Resolver()
export class AccountResolver {
  @Mutation(() => AuthPayload, { description: 'Create an account and sign in (public).' })
  async register(@Arg('input', () => RegisterInput, INPUT) input: RegisterInput, @Ctx() ctx: Context) {
    return authPayload(await ctx.services.auth.register(input, ctx.origin));
  }

  @Mutation(() => AuthPayload, { description: 'Sign in with email and password (public).' })
  async login(@Arg('input', () => LoginInput, INPUT) input: LoginInput, @Ctx() ctx: Context) {
    return authPayload(await ctx.services.auth.login(input, ctx.origin));
  }

  @Mutation(() => AuthPayload, {
    description: 'Cancel the scheduled deletion of an account in its grace period, and sign in (public).',
  })
  async restoreAccount(@Arg('input', () => RestoreAccountInput, INPUT) input: RestoreAccountInput, @Ctx() ctx: Context) {
    return authPayload(await ctx.services.auth.restoreAccount(input, ctx.origin));
  }

  @Mutation(() => VerifyEmailPayload, { description: 'Verify an email address with an emailed token (public).' })
  async verifyEmail(
    @Arg('input', () => VerifyEmailInput, INPUT) input: VerifyEmailInput,
    @Ctx() ctx: Context,
  ): Promise<VerifyEmailPayload> {
    const result = await ctx.services.auth.verifyEmail(input.token, ctx.viewer, ctx.origin);
    return { verified: result.verified, user: result.user ? userFromRecord(result.user) : null };
  }

  @Mutation(() => RequestEmailVerificationPayload, { description: 'Resend the verification email (public).' })
  async requestEmailVerification(
    @Arg('input', () => RequestEmailVerificationInput, INPUT) input: RequestEmailVerificationInput,
    @Ctx() ctx: Context,
  ): Promise<RequestEmailVerificationPayload> {
    await ctx.services.auth.requestEmailVerification(input.email);
    return { accepted: true };
  }

  @Mutation(() => RequestPasswordResetPayload, { description: 'Email a password reset link (public).' })
  async requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput, INPUT) input: RequestPasswordResetInput,
    @Ctx() ctx: Context,
  ): Promise<RequestPasswordResetPayload> {
    await ctx.services.auth.requestPasswordReset(input.email);
    return { accepted: true };
  }

  @Mutation(() => AuthPayload, { description: 'Set a new password with a reset token and sign in (public).' })
  async resetPassword(@Arg('input', () => ResetPasswordInput, INPUT) input: ResetPasswordInput, @Ctx() ctx: Context) {
    return authPayload(await ctx.services.auth.resetPassword(input, ctx.origin));
  }

  @Mutation(() => AuthPayload, { description: 'Change the password; older tokens stop working.' })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, INPUT) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ) {
    return authPayload(await ctx.services.auth.changePassword(ctx.actor, input));
  }

  @Mutation(() => UpdateProfilePayload, { description: 'Update name, timezone and preferences.' })
  async updateProfile(
    @Arg('input', () => UpdateProfileInput, INPUT) input: UpdateProfileInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateProfilePayload> {
    return { user: userFromRecord(await ctx.services.users.updateProfile(ctx.actor, input)) };
  }

  @Mutation(() => DeleteAccountPayload, {
    description: "Delete the viewer's account: erased after a grace period (ACCOUNT_PURGE_AFTER_DAYS), restorable until then.",
  })
  async deleteAccount(
    @Arg('input', () => DeleteAccountInput, INPUT) input: DeleteAccountInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteAccountPayload> {
    return ctx.services.users.deleteAccount(ctx.actor, input);
  }

  @Mutation(() => ExportMyDataPayload, { description: "Export all of the viewer's data as JSON." })
  exportMyData(
    @Arg('input', () => ExportMyDataInput, INPUT) input: ExportMyDataInput,
    @Ctx() ctx: Context,
  ): Promise<ExportMyDataPayload> {
    return ctx.services.dataExport.exportMyData(ctx.actor, input.includeDeleted ?? true);
  }
}
