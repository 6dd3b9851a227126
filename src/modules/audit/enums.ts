import { apiEnum, type EnumValue } from '../../lib/api-enum';

/**
 * What audit-log.ts writes, as GraphQL enums: its types are these values, so a new action is
 * added here, with its description (and to the SDL enum), to be written and read back.
 */

export const AuditAction = apiEnum('AuditAction', 'Critical operation recorded in the audit log; clients must tolerate values added later.', {
  CREATED: 'Record created.',
  UPDATED: 'Record updated.',
  DELETED: 'Record soft-deleted.',
  RESTORED: 'Record restored.',
  LOGGED_IN: 'Successful login.',
  LOGIN_FAILED: 'Failed login attempt for this account.',
  EMAIL_VERIFIED: 'Email address verified.',
  PASSWORD_CHANGED: 'Password changed while logged in.',
  PASSWORD_RESET: 'Password reset via emailed token.',
  DATA_EXPORTED: 'Full data export generated.',
  PERMISSION_GRANTED: 'Permission granted (new version).',
  PERMISSION_REVOKED: 'Permission revoked.',
  USER_BLOCKED: 'A user was blocked.',
  WRITTEN_ON_BEHALF: "An entry was recorded or changed by a WRITE grantee on the owner's behalf.",
  REMINDER_SENT: 'Daily reminder delivered.',
  COMPLETED: 'A merit or target was completed.',
  ROLE_CHANGED: "The account's role changed (npm run user:role).",
  SUPPORT_THREAD_VIEWED: "A support account read a user's support conversation.",
  SUPPORT_REPLIED: 'A support account replied in a support conversation.',
  SUPPORT_THREAD_RESOLVED: 'A support account marked a support conversation resolved.',
  SUPPORT_THREAD_REOPENED: 'A support account reopened a support conversation.',
});
export type AuditAction = EnumValue<typeof AuditAction>;

export const AuditEntityType = apiEnum('AuditEntityType', 'Kind of record an audit event is about (maps to a database table).', {
  USER: 'users',
  DEED: 'deeds',
  DEED_ITEM: 'deed_items',
  SCALE: 'scales / scale_values',
  ENTRY: 'entries',
  RELATION: 'relations',
  PERMISSION: 'permissions',
  MERIT: 'merits / merit_items',
  TARGET: 'targets / target_items',
  REMINDER_SETTING: 'notifications (reminder settings)',
  SUPPORT_THREAD: "messages (a user's support conversation; the id is the user's)",
});
export type AuditEntityType = EnumValue<typeof AuditEntityType>;

export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);
export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = Object.values(AuditEntityType);
