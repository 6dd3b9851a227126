import { registerEnumType } from 'type-graphql';
import type { AuditAction as AuditActionValue, AuditEntityType as AuditEntityTypeValue } from './audit-log';

/**
 * The GraphQL enums for what audit-log.ts writes. `satisfies` keeps both lists in step with
 * the writer's types: a new action must be added here (and to the SDL enum) to be read back.
 */

export const AuditAction = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  DELETED: 'DELETED',
  RESTORED: 'RESTORED',
  LOGGED_IN: 'LOGGED_IN',
  LOGIN_FAILED: 'LOGIN_FAILED',
  EMAIL_VERIFIED: 'EMAIL_VERIFIED',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
  PASSWORD_RESET: 'PASSWORD_RESET',
  DATA_EXPORTED: 'DATA_EXPORTED',
  PERMISSION_GRANTED: 'PERMISSION_GRANTED',
  PERMISSION_REVOKED: 'PERMISSION_REVOKED',
  USER_BLOCKED: 'USER_BLOCKED',
  WRITTEN_ON_BEHALF: 'WRITTEN_ON_BEHALF',
  REMINDER_SENT: 'REMINDER_SENT',
  COMPLETED: 'COMPLETED',
  ROLE_CHANGED: 'ROLE_CHANGED',
  SUPPORT_THREAD_VIEWED: 'SUPPORT_THREAD_VIEWED',
  SUPPORT_REPLIED: 'SUPPORT_REPLIED',
  SUPPORT_THREAD_RESOLVED: 'SUPPORT_THREAD_RESOLVED',
  SUPPORT_THREAD_REOPENED: 'SUPPORT_THREAD_REOPENED',
} as const satisfies { [K in AuditActionValue]: K };
export type AuditAction = AuditActionValue;

export const AuditEntityType = {
  USER: 'USER',
  DEED: 'DEED',
  DEED_ITEM: 'DEED_ITEM',
  SCALE: 'SCALE',
  ENTRY: 'ENTRY',
  RELATION: 'RELATION',
  PERMISSION: 'PERMISSION',
  MERIT: 'MERIT',
  TARGET: 'TARGET',
  REMINDER_SETTING: 'REMINDER_SETTING',
  SUPPORT_THREAD: 'SUPPORT_THREAD',
} as const satisfies { [K in AuditEntityTypeValue]: K };
export type AuditEntityType = AuditEntityTypeValue;

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'Critical operation recorded in the audit log; clients must tolerate values added later.',
  valuesConfig: {
    CREATED: { description: 'Record created.' },
    UPDATED: { description: 'Record updated.' },
    DELETED: { description: 'Record soft-deleted.' },
    RESTORED: { description: 'Record restored.' },
    LOGGED_IN: { description: 'Successful login.' },
    LOGIN_FAILED: { description: 'Failed login attempt for this account.' },
    EMAIL_VERIFIED: { description: 'Email address verified.' },
    PASSWORD_CHANGED: { description: 'Password changed while logged in.' },
    PASSWORD_RESET: { description: 'Password reset via emailed token.' },
    DATA_EXPORTED: { description: 'Full data export generated.' },
    PERMISSION_GRANTED: { description: 'Permission granted (new version).' },
    PERMISSION_REVOKED: { description: 'Permission revoked.' },
    USER_BLOCKED: { description: 'A user was blocked.' },
    WRITTEN_ON_BEHALF: { description: "An entry was recorded or changed by a WRITE grantee on the owner's behalf." },
    REMINDER_SENT: { description: 'Daily reminder delivered.' },
    COMPLETED: { description: 'A merit or target was completed.' },
    ROLE_CHANGED: { description: "The account's role changed (npm run user:role)." },
    SUPPORT_THREAD_VIEWED: { description: "A support account read a user's support conversation." },
    SUPPORT_REPLIED: { description: 'A support account replied in a support conversation.' },
    SUPPORT_THREAD_RESOLVED: { description: 'A support account marked a support conversation resolved.' },
    SUPPORT_THREAD_REOPENED: { description: 'A support account reopened a support conversation.' },
  },
});

registerEnumType(AuditEntityType, {
  name: 'AuditEntityType',
  description: 'Kind of record an audit event is about (maps to a database table).',
  valuesConfig: {
    USER: { description: 'users' },
    DEED: { description: 'deeds' },
    DEED_ITEM: { description: 'deed_items' },
    SCALE: { description: 'scales / scale_values' },
    ENTRY: { description: 'entries' },
    RELATION: { description: 'relations' },
    PERMISSION: { description: 'permissions' },
    MERIT: { description: 'merits / merit_items' },
    TARGET: { description: 'targets / target_items' },
    REMINDER_SETTING: { description: 'notifications (reminder settings)' },
    SUPPORT_THREAD: { description: "messages (a user's support conversation; the id is the user's)" },
  },
});

export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);
export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = Object.values(AuditEntityType);
