import { passwordChangeEffectiveAt, signAccessTokenFor } from '../../auth/access-token';
import {
  EMAIL_VERIFICATION_TOKEN_LIFETIME_MS,
  PASSWORD_RESET_TOKEN_LIFETIME_MS,
  generateOneTimeToken,
  hashOneTimeToken,
  looksLikeOneTimeToken,
} from '../../auth/one-time-tokens';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import type { Viewer } from '../../auth/viewer';
import type { Prisma, PrismaClient, User as UserRecord } from '../../generated/prisma/client';
import { conflict, invalidField, unauthenticated } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { offResponsePath } from '../../lib/background-work';
import { isUniqueViolation } from '../../lib/prisma-errors';
import type { Mailer, MailMessage } from '../../mail';
import { writeAudit, type RequestOrigin } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { passwordResetMail, verificationMail } from './account-mail';
import { deletionScheduled, restoreScheduledAccount, scheduledAccountFor } from './account-restore';

/** One message for every failed login, so it never tells which part was wrong. */
export const LOGIN_FAILED_MESSAGE = 'Invalid email or password';
const INVALID_TOKEN_MESSAGE = 'Invalid or expired token';

/** A signed-in session: what AuthPayload is built from. */
export interface Session {
  token: string;
  expiresAt: Date;
  user: UserRecord;
}

export interface AuthServiceDependencies {
  prisma: PrismaClient;
  jwtKey: Uint8Array;
  mailer: Mailer;
  logger: Logger;
  /** Told of every committed change to a user row (every instance's live user rows). */
  afterWrite: Pick<AfterWrite, 'forget'>;
}

/** Emails are compared and stored lower-cased and trimmed (unique, case-insensitive). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Credentials and sessions (CONTRACT.md section 2): accounts, logins, email verification,
 * password resets and changes. Mail goes out only after the transaction that made its
 * token has committed.
 */
export class AuthService {
  constructor(private readonly deps: AuthServiceDependencies) {}

  async register(
    input: { email: string; password: string; fullName: string; timezone?: string | null },
    origin: RequestOrigin,
  ): Promise<Session> {
    const email = normaliseEmail(input.email);
    const fullName = input.fullName.trim();
    const passwordHash = await hashPassword(input.password);
    const now = new Date();
    const verification = generateOneTimeToken();

    let user: UserRecord;
    try {
      user = await this.deps.prisma.$transaction(async (tx) => {
        const taken = await tx.user.findFirst({ where: { email, deletedAt: null }, select: { id: true } });
        if (taken) throw emailTaken();
        const created = await tx.user.create({
          data: { email, passwordHash, fullName, timezone: input.timezone ?? 'UTC', passwordChangedAt: now },
        });
        await tx.emailVerificationToken.create({
          data: {
            userId: created.id,
            tokenHash: verification.tokenHash,
            expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TOKEN_LIFETIME_MS),
          },
        });
        await writeAudit(tx, origin, {
          action: 'CREATED',
          entityType: 'USER',
          entityId: created.id,
          actorId: created.id,
          newValues: { email, fullName, timezone: created.timezone },
        });
        return created;
      });
    } catch (error) {
      // Two registrations racing for one address: the partial unique index decides.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }

    await this.sendAfterCommit(verificationMail(user.email, user.fullName, verification.token));
    return this.sessionFor(user, now);
  }

  async login(input: { email: string; password: string }, origin: RequestOrigin): Promise<Session> {
    const email = normaliseEmail(input.email);
    const user = await this.deps.prisma.user.findFirst({ where: { email, deletedAt: null } });
    const matches = await verifyPassword(user?.passwordHash ?? null, input.password);

    if (!user || !matches) {
      // The owner of an account in its grace period learns so (only with the right password).
      const scheduled = user ? null : await scheduledAccountFor(this.deps.prisma, email, input.password);
      if (scheduled?.purgeAfter) throw deletionScheduled(scheduled.purgeAfter);
      if (user) {
        // The attempt is about this account but not by it: no actor, the account as subject.
        // Written off the response path: a failure must take as long whether or not the account exists.
        offResponsePath(
          () =>
            writeAudit(this.deps.prisma, origin, {
              action: 'LOGIN_FAILED',
              entityType: 'USER',
              entityId: user.id,
              actorId: null,
              subjectUserId: user.id,
            }).then(() => undefined),
          (error) => this.deps.logger.error({ err: error }, 'auditing a failed login failed'),
        );
      }
      throw unauthenticated(LOGIN_FAILED_MESSAGE);
    }

    const now = new Date();
    const updated = await this.deps.prisma.$transaction(async (tx) => {
      const row = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      await writeAudit(tx, origin, { action: 'LOGGED_IN', entityType: 'USER', entityId: user.id, actorId: user.id });
      return row;
    });
    await this.deps.afterWrite.forget(null, { usersChanged: [user.id] });
    return this.sessionFor(updated, now);
  }

  /** Cancels the scheduled deletion of an account in its grace period and signs in (account-restore.ts). */
  async restoreAccount(input: { email: string; password: string }, origin: RequestOrigin): Promise<Session> {
    const account = await scheduledAccountFor(this.deps.prisma, normaliseEmail(input.email), input.password);
    if (!account) throw unauthenticated(LOGIN_FAILED_MESSAGE);
    const user = await restoreScheduledAccount(this.deps.prisma, account, origin, LOGIN_FAILED_MESSAGE);
    await this.deps.afterWrite.forget(null, { usersChanged: [user.id] });
    return this.sessionFor(user, new Date());
  }

  /** Marks the token used and the email verified; the user is returned only to themselves. */
  async verifyEmail(
    token: string,
    viewer: Viewer | null,
    origin: RequestOrigin,
  ): Promise<{ verified: true; user: UserRecord | null }> {
    // Pasted from an email, a token often comes with surrounding whitespace.
    const tokenHash = oneTimeTokenHash(token);
    const now = new Date();

    const user = await this.deps.prisma.$transaction(async (tx) => {
      // The conditional update is the claim: of two concurrent uses, one wins.
      const claimed = await tx.emailVerificationToken.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { deletedAt: null } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw invalidToken();
      const { userId } = await tx.emailVerificationToken.findUniqueOrThrow({ where: { tokenHash } });
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      const after = before.emailVerified
        ? before
        : await tx.user.update({ where: { id: userId }, data: { emailVerified: true, emailVerifiedAt: now } });
      await writeAudit(tx, origin, {
        action: 'EMAIL_VERIFIED',
        entityType: 'USER',
        entityId: userId,
        actorId: userId,
        newValues: { email: after.email },
      });
      return after;
    });
    await this.deps.afterWrite.forget(null, { usersChanged: [user.id] });

    return { verified: true, user: viewer?.id === user.id ? user : null };
  }

  /**
   * Sends a fresh verification token to a live, unverified account; silent otherwise. The
   * lookup, the token and the mail happen after the answer (the same for every address).
   */
  async requestEmailVerification(emailInput: string): Promise<void> {
    offResponsePath(
      () => this.sendEmailVerification(emailInput),
      (error) => this.deps.logger.error({ err: error }, 'email verification request failed'),
    );
  }

  private async sendEmailVerification(emailInput: string): Promise<void> {
    const user = await this.deps.prisma.user.findFirst({ where: { email: normaliseEmail(emailInput), deletedAt: null } });
    if (!user || user.emailVerified) return;
    const verification = generateOneTimeToken();
    await this.deps.prisma.emailVerificationToken.create({
      data: {
        userId: user.id,
        tokenHash: verification.tokenHash,
        expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TOKEN_LIFETIME_MS),
      },
    });
    await this.sendAfterCommit(verificationMail(user.email, user.fullName, verification.token));
  }

  /** Sends a reset token to a live account; silent for unknown or deleted addresses (after the answer, as above). */
  async requestPasswordReset(emailInput: string): Promise<void> {
    offResponsePath(
      () => this.sendPasswordReset(emailInput),
      (error) => this.deps.logger.error({ err: error }, 'password reset request failed'),
    );
  }

  private async sendPasswordReset(emailInput: string): Promise<void> {
    const user = await this.deps.prisma.user.findFirst({ where: { email: normaliseEmail(emailInput), deletedAt: null } });
    if (!user) return;
    const reset = generateOneTimeToken();
    await this.deps.prisma.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: reset.tokenHash,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_TOKEN_LIFETIME_MS),
      },
    });
    await this.sendAfterCommit(passwordResetMail(user.email, user.fullName, reset.token));
  }

  /** Sets the password from a reset token; every token issued before now stops working. */
  async resetPassword(input: { token: string; newPassword: string }, origin: RequestOrigin): Promise<Session> {
    const tokenHash = oneTimeTokenHash(input.token);
    const now = new Date();
    const usable = { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { deletedAt: null } };
    // The token first: a wrong guess costs one lookup, never a password hash.
    if (!(await this.deps.prisma.passwordResetToken.findFirst({ where: usable, select: { userId: true } }))) throw invalidToken();
    const passwordHash = await hashPassword(input.newPassword);

    const user = await this.deps.prisma.$transaction(async (tx) => {
      // Still the claim: of two concurrent uses, one wins.
      const claimed = await tx.passwordResetToken.updateMany({ where: usable, data: { usedAt: now } });
      if (claimed.count !== 1) throw invalidToken();
      const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });
      return this.setPassword(tx, userId, passwordHash, now, origin, 'PASSWORD_RESET');
    });
    await this.deps.afterWrite.forget(null, { usersChanged: [user.id] });
    return this.sessionFor(user, now);
  }

  /** Wrong current password: BAD_USER_INPUT (the session itself is fine). */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<Session> {
    const { viewer, origin } = actor;
    if (!(await verifyPassword(viewer.user.passwordHash, input.currentPassword))) {
      throw invalidField(['input', 'currentPassword'], 'Current password is incorrect', 'currentPassword');
    }
    const passwordHash = await hashPassword(input.newPassword);
    const now = new Date();
    const user = await this.deps.prisma.$transaction((tx) =>
      this.setPassword(tx, viewer.id, passwordHash, now, origin, 'PASSWORD_CHANGED'),
    );
    await this.deps.afterWrite.forget(actor, { usersChanged: [viewer.id] });
    return this.sessionFor(user, now);
  }

  /**
   * New hash, new password epoch (older access tokens die), and outstanding reset tokens
   * spent: a link mailed for the old password must not override the new one.
   */
  private async setPassword(
    tx: Prisma.TransactionClient,
    userId: bigint,
    passwordHash: string,
    now: Date,
    origin: RequestOrigin,
    action: 'PASSWORD_RESET' | 'PASSWORD_CHANGED',
  ): Promise<UserRecord> {
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: passwordChangeEffectiveAt(now) },
    });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await writeAudit(tx, origin, { action, entityType: 'USER', entityId: userId, actorId: userId });
    return user;
  }

  private async sessionFor(user: UserRecord, now: Date): Promise<Session> {
    const { token, expiresAt } = await signAccessTokenFor(user, this.deps.jwtKey, now);
    return { token, expiresAt, user };
  }

  /**
   * The change is committed; a mail failure must not turn it into an error the client
   * would retry (the user can ask for another email), so it is logged instead.
   */
  private async sendAfterCommit(message: MailMessage): Promise<void> {
    try {
      await this.deps.mailer.send(message);
    } catch (error) {
      this.deps.logger.error({ err: error, kind: message.kind }, 'sending mail failed');
    }
  }
}

function emailTaken() {
  return conflict('An account with this email address already exists', 'EMAIL_TAKEN');
}

/** The stored hash of a token as the client sent it; BAD_USER_INPUT when it cannot be one of ours. */
function oneTimeTokenHash(sent: string): string {
  const token = sent.trim();
  if (!looksLikeOneTimeToken(token)) throw invalidToken();
  return hashOneTimeToken(token);
}

function invalidToken() {
  return invalidField(['input', 'token'], INVALID_TOKEN_MESSAGE, 'validToken');
}
