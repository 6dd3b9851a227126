/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The viewer's effective access to a deed item. */
export type AccessLevel =
  /** The viewer owns the item. */
  | 'OWNER'
  /** The viewer holds an active READ grant (and no WRITE grant) covering the item. */
  | 'READ'
  /** The viewer holds an active WRITE grant covering the item. */
  | 'WRITE';

/** Critical operation recorded in the audit log; clients must tolerate values added later. */
export type AuditAction =
  /** A merit or target was completed. */
  | 'COMPLETED'
  /** Record created. */
  | 'CREATED'
  /** Full data export generated. */
  | 'DATA_EXPORTED'
  /** Record soft-deleted. */
  | 'DELETED'
  /** Email address verified. */
  | 'EMAIL_VERIFIED'
  /** Successful login. */
  | 'LOGGED_IN'
  /** Failed login attempt for this account. */
  | 'LOGIN_FAILED'
  /** Password changed while logged in. */
  | 'PASSWORD_CHANGED'
  /** Password reset via emailed token. */
  | 'PASSWORD_RESET'
  /** Permission granted (new version). */
  | 'PERMISSION_GRANTED'
  /** Permission revoked. */
  | 'PERMISSION_REVOKED'
  /** Daily reminder delivered. */
  | 'REMINDER_SENT'
  /** Record restored. */
  | 'RESTORED'
  /** The account's role changed (npm run user:role). */
  | 'ROLE_CHANGED'
  /** A support account replied in a support conversation. */
  | 'SUPPORT_REPLIED'
  /** A support account reopened a support conversation. */
  | 'SUPPORT_THREAD_REOPENED'
  /** A support account marked a support conversation resolved. */
  | 'SUPPORT_THREAD_RESOLVED'
  /** A support account read a user's support conversation. */
  | 'SUPPORT_THREAD_VIEWED'
  /** Record updated. */
  | 'UPDATED'
  /** A user was blocked. */
  | 'USER_BLOCKED'
  /** An entry was recorded or changed by a WRITE grantee on the owner's behalf. */
  | 'WRITTEN_ON_BEHALF';

/** Kind of record an audit event is about (maps to a database table). */
export type AuditEntityType =
  /** deeds */
  | 'DEED'
  /** deed_items */
  | 'DEED_ITEM'
  /** entries */
  | 'ENTRY'
  /** merits / merit_items */
  | 'MERIT'
  /** permissions */
  | 'PERMISSION'
  /** relations */
  | 'RELATION'
  /** notifications (reminder settings) */
  | 'REMINDER_SETTING'
  /** scales / scale_values */
  | 'SCALE'
  /** messages (a user's support conversation; the id is the user's) */
  | 'SUPPORT_THREAD'
  /** targets / target_items */
  | 'TARGET'
  /** users */
  | 'USER';

/** Filter for audit events. */
export type AuditEventFilter = {
  /** Only these actions. */
  actions?: Array<AuditAction> | null | undefined;
  /** Only this kind of record. */
  entityType?: AuditEntityType | null | undefined;
  /** Only events at or after this instant. */
  from?: string | null | undefined;
  /** Only events before this instant. */
  to?: string | null | undefined;
};

/** Input for blockUser. */
export type BlockUserInput = {
  /** User to block. */
  userId: string;
};

/** Input for changePassword. */
export type ChangePasswordInput = {
  /** Current password. */
  currentPassword: string;
  /** New password (10–128 characters). */
  newPassword: string;
};

/** How item completion combines into merit or target completion. */
export type CompletionLogic =
  /** AND: complete when every item is complete. */
  | 'ALL'
  /** OR: complete when at least one item is complete. */
  | 'ANY';

/** The requestee's answer to a pending connection request. */
export type ConnectionRequestDecision =
  /** Accept the request (status becomes ACCEPTED). */
  | 'ACCEPT'
  /** Reject the request (status becomes REJECTED). */
  | 'REJECT';

/** Input for createDeed. */
export type CreateDeedInput = {
  /** Category. */
  category: DeedCategory;
  /** Optional description (TEXT, max 5000). */
  description?: string | null | undefined;
  /** Position among the owner's deeds; appended when omitted. */
  displayOrder?: number | null | undefined;
  /** SCALE deeds only: values of the first scale version (2–20), made active. */
  initialScaleValues?: Array<ScaleValueInput> | null | undefined;
  /** Measurement type (immutable). */
  measureType: MeasureType;
  /** Deed name (1–255). */
  name: string;
};

/** Input for createDeedItem. */
export type CreateDeedItemInput = {
  /** Deed to add the item to. */
  deedId: string;
  /** Optional description (TEXT, max 5000). */
  description?: string | null | undefined;
  /** Position among siblings; appended when omitted. */
  displayOrder?: number | null | undefined;
  /** Item name (1–255). */
  name: string;
  /** Parent item in the same deed; root when omitted. */
  parentId?: string | null | undefined;
};

/** Input for createMerit. */
export type CreateMeritInput = {
  /** ALL (AND) or ANY (OR). */
  completionLogic?: CompletionLogic | null | undefined;
  /** Deed the merit is for. */
  deedId: string;
  /** Optional description (TEXT, max 5000). */
  description?: string | null | undefined;
  /** Window length in days (1–3660); open-ended when omitted. */
  durationDays?: number | null | undefined;
  /** Items (1–20). */
  items: Array<MeritItemInput>;
  /** Name (1–255). */
  name: string;
  /** Window start; defaults to today (owner's timezone). */
  startDate?: string | null | undefined;
};

/** Input for createScale. */
export type CreateScaleInput = {
  /** Make the new version the active scale. */
  activate?: boolean | null | undefined;
  /** SCALE deed to add a version to. */
  deedId: string;
  /** Optional name (max 255). */
  name?: string | null | undefined;
  /** Values in ascending order (2–20, unique labels). */
  values: Array<ScaleValueInput>;
};

/** Input for createTarget. */
export type CreateTargetInput = {
  /** ALL (AND) or ANY (OR). */
  completionLogic?: CompletionLogic | null | undefined;
  /** Optional description (TEXT, max 5000). */
  description?: string | null | undefined;
  /** Last day, inclusive (>= startDate, range at most 3660 days). */
  endDate: string;
  /** Items (1–50). */
  items: Array<TargetItemInput>;
  /** Name (1–255). */
  name: string;
  /** First day, inclusive. */
  startDate: string;
};

/** The category a deed belongs to. */
export type DeedCategory =
  /** Hasanaat: good deeds to increase. */
  | 'HASANAAT'
  /** Saiyyiaat: areas for improvement to reduce. */
  | 'SAIYYIAAT';

/** Filter for the deeds list. */
export type DeedFilter = {
  /** Only this category. */
  category?: DeedCategory | null | undefined;
  /** Include soft-deleted deeds (owner only). */
  includeDeleted?: boolean | null | undefined;
  /** Only active (true) or archived (false) deeds; both when omitted. */
  isActive?: boolean | null | undefined;
  /** Whose deeds; defaults to the viewer. Another user: only deeds with items the viewer can read. */
  ownerId?: string | null | undefined;
};

/** Input for deleteAccount. */
export type DeleteAccountInput = {
  /** Current password, to confirm. */
  password: string;
  /** Optional reason (max 1000). */
  reason?: string | null | undefined;
};

/** Input for deleteDeed. */
export type DeleteDeedInput = {
  /** Deed id. */
  id: string;
};

/** Input for deleteDeedItem. */
export type DeleteDeedItemInput = {
  /** Deed item id (its subtree becomes hidden with it). */
  id: string;
};

/** Input for deleteEntry. */
export type DeleteEntryInput = {
  /** Entry id. */
  id: string;
};

/** Input for deleteMerit. */
export type DeleteMeritInput = {
  /** Merit id. */
  id: string;
};

/** Input for deleteReflection. */
export type DeleteReflectionInput = {
  /** Reflection id. */
  id: string;
};

/** Input for deleteTarget. */
export type DeleteTargetInput = {
  /** Target id. */
  id: string;
};

/** Input for disableReminder. */
export type DisableReminderInput = {
  /** Reminder setting id. */
  id: string;
};

/** What happened to an entry in one history record. */
export type EntryChangeAction =
  /** The entry was first recorded. */
  | 'CREATED'
  /** The entry was soft-deleted. */
  | 'DELETED'
  /** The entry was restored (possibly with a new value by recordEntry). */
  | 'RESTORED'
  /** The entry's value or notes changed. */
  | 'UPDATED';

/** Filter for the entries list. */
export type EntryFilter = {
  /** Only this category. */
  category?: DeedCategory | null | undefined;
  /** Earliest entry date, inclusive. */
  dateFrom?: string | null | undefined;
  /** Latest entry date, inclusive. */
  dateTo?: string | null | undefined;
  /** Only entries of this deed. */
  deedId?: string | null | undefined;
  /** Only entries of this deed item. */
  deedItemId?: string | null | undefined;
  /** Also include entries moved to the archive (older than the archive horizon, ARCHIVE_AFTER_DAYS); visibility as for live entries. */
  includeArchived?: boolean | null | undefined;
  /** Include soft-deleted entries and entries of deleted items/deeds (owner only). */
  includeDeleted?: boolean | null | undefined;
  /** With deedItemId: also include entries of its descendants. */
  includeDescendants?: boolean | null | undefined;
  /** Whose entries; defaults to the viewer. Another user requires READ on the items returned. */
  ownerId?: string | null | undefined;
};

/** Sort order for entry lists; ties are broken by id in the same direction. */
export type EntryOrder =
  /** Oldest entry date first. */
  | 'ENTRY_DATE_ASC'
  /** Newest entry date first. */
  | 'ENTRY_DATE_DESC';

/** Input for exportMyData. */
export type ExportMyDataInput = {
  /** Include soft-deleted records. */
  includeDeleted?: boolean | null | undefined;
};

/** Derived state of a merit or target. */
export type GoalStatus =
  /** completedAt is set. */
  | 'COMPLETED'
  /** Active, not completed, and the window ended before today. */
  | 'EXPIRED'
  /** Active, within its window (or open-ended) and not yet completed. */
  | 'IN_PROGRESS'
  /** Active, and today (owner's timezone) is before the start date. */
  | 'NOT_STARTED'
  /** Not completed and isActive is false. */
  | 'PAUSED';

/** Input for grantPermission. */
export type GrantPermissionInput = {
  /** Viewer-owned deed item; the grant covers its descendants. */
  deedItemId: string;
  /** ACCEPTED relation where the viewer is the requestee. */
  relationId: string;
  /** READ or WRITE. */
  type: PermissionType;
};

/** Input for login. */
export type LoginInput = {
  /** Email address. */
  email: string;
  /** Password. */
  password: string;
};

/** Input for markMessageRead. */
export type MarkMessageReadInput = {
  /** Id of a message from support. */
  messageId: string;
};

/** How entries of a deed are measured; fixed when the deed is created. */
export type MeasureType =
  /** Each entry records a non-negative decimal count. */
  | 'COUNT'
  /** Each entry picks one value of the deed's scale. */
  | 'SCALE';

/** Filter for the merits list. */
export type MeritFilter = {
  /** Only merits of this deed. */
  deedId?: string | null | undefined;
  /** Include soft-deleted merits. */
  includeDeleted?: boolean | null | undefined;
  /** Only these derived statuses. */
  statuses?: Array<GoalStatus> | null | undefined;
};

/** A merit item; include id to keep an existing item when updating. */
export type MeritItemInput = {
  /** Deed item in the merit's deed. */
  deedItemId: string;
  /** Existing item id (update only); omit to create. */
  id?: string | null | undefined;
  /** Required amount (> 0; whole number for scale items). */
  required: string;
  /** Required for SCALE deeds (value of the deed's scale); forbidden for COUNT deeds. */
  scaleValueId?: string | null | undefined;
};

/** Input for moveDeedItem. */
export type MoveDeedItemInput = {
  /** Position among new siblings; appended when omitted. */
  displayOrder?: number | null | undefined;
  /** Item to move (its subtree moves with it). */
  id: string;
  /** New parent in the same deed; null or omitted makes it a root. */
  newParentId?: string | null | undefined;
};

/** Filter for permission lists. */
export type PermissionFilter = {
  /** Only grants on exactly this deed item. */
  deedItemId?: string | null | undefined;
  /** Include revoked and superseded versions (history); grantor only. */
  includeInactive?: boolean | null | undefined;
  /** Only grants to/from this other user. */
  userId?: string | null | undefined;
};

/** Kind of access granted on a deed item and its descendants. */
export type PermissionType =
  /** See the items, their scales and the owner's entries on them. */
  | 'READ'
  /** READ plus record, update, delete and restore entries on the owner's behalf. */
  | 'WRITE';

/** Input for recordEntries (all-or-nothing). */
export type RecordEntriesInput = {
  /** 1–100 entries; no two for the same (deed item, date). */
  entries: Array<RecordEntryInput>;
};

/** Input for recordEntry: upsert on (owner, deed item, entry date). Exactly one of scaleValueId or count. */
export type RecordEntryInput = {
  /** Count for COUNT deeds (>= 0). */
  count?: string | null | undefined;
  /** Deed item; its owner becomes the entry owner. */
  deedItemId: string;
  /** Day in the owner's timezone; not in the future. */
  entryDate: string;
  /** Notes (TEXT, max 5000); omitted keeps existing notes, null clears. */
  notes?: string | null | undefined;
  /** Scale value for SCALE deeds. */
  scaleValueId?: string | null | undefined;
};

/** What recordEntry did for one (owner, deed item, date) slot. */
export type RecordEntryOutcome =
  /** A new entry was inserted. */
  | 'CREATED'
  /** A soft-deleted entry in the slot was restored with the given values. */
  | 'RESTORED'
  /** The existing entry already had these values; nothing was written. */
  | 'UNCHANGED'
  /** The existing entry's value or notes changed. */
  | 'UPDATED';

/** Kind of daily reflection; at most one reflection per type per day. */
export type ReflectionType =
  /** General end-of-day reflection (muhasabah). */
  | 'DAILY'
  /** What the user is grateful for today. */
  | 'GRATITUDE'
  /** Reflection on saiyyiaat: what went wrong and how to improve. */
  | 'IMPROVEMENT'
  /** Intentions and plans for the next day. */
  | 'INTENTION';

/** Input for register. */
export type RegisterInput = {
  /** Email address (max 255). */
  email: string;
  /** Display name (1–255). */
  fullName: string;
  /** Password (10–128 characters). */
  password: string;
  /** IANA timezone; defaults to UTC. */
  timezone?: string | null | undefined;
};

/** Direction of a relation as seen by the viewer. */
export type RelationDirection =
  /** The viewer is the requestee. */
  | 'INCOMING'
  /** The viewer is the requester. */
  | 'OUTGOING';

/** Filter for the relations list. */
export type RelationFilter = {
  /** Only incoming or outgoing; both when omitted. */
  direction?: RelationDirection | null | undefined;
  /** Only these statuses; all visible statuses when omitted. */
  statuses?: Array<RelationStatus> | null | undefined;
};

/** Lifecycle state of a unidirectional relation (requester -> requestee). */
export type RelationStatus =
  /** Accepted by the requestee; the requestee may now grant permissions to the requester. */
  | 'ACCEPTED'
  /** The requestee blocked the requester; only the blocker can see this relation. */
  | 'BLOCKED'
  /** Sent by the requester, awaiting the requestee's answer. */
  | 'PENDING'
  /** Rejected by the requestee. */
  | 'REJECTED';

/** Input for removeConnection. */
export type RemoveConnectionInput = {
  /** Relation id (either party; the blocker for BLOCKED relations). */
  relationId: string;
};

/** Input for replyToSupportMessage. */
export type ReplyToSupportMessageInput = {
  /** Reply text (1–5000). */
  content: string;
  /** Optional subject (max 255). */
  subject?: string | null | undefined;
  /** The thread (the user's id). */
  threadId: string;
};

/** Input for requestEmailVerification. */
export type RequestEmailVerificationInput = {
  /** Email address to send a new verification link to. */
  email: string;
};

/** Input for requestPasswordReset. */
export type RequestPasswordResetInput = {
  /** Email address of the account. */
  email: string;
};

/** Input for resetPassword. */
export type ResetPasswordInput = {
  /** New password (10–128 characters). */
  newPassword: string;
  /** Token from the reset email (single use, 1 hour). */
  token: string;
};

/** Input for respondToConnectionRequest. */
export type RespondToConnectionRequestInput = {
  /** Accept or reject. */
  decision: ConnectionRequestDecision;
  /** Pending incoming relation id. */
  relationId: string;
};

/** Input for restoreAccount. */
export type RestoreAccountInput = {
  /** Email address of the account scheduled for deletion. */
  email: string;
  /** Its password. */
  password: string;
};

/** Input for restoreDeed. */
export type RestoreDeedInput = {
  /** Deed id. */
  id: string;
};

/** Input for restoreDeedItem. */
export type RestoreDeedItemInput = {
  /** Deed item id; its parent chain and deed must be live. */
  id: string;
};

/** Input for restoreEntry. */
export type RestoreEntryInput = {
  /** Entry id. */
  id: string;
};

/** Input for revokePermission. */
export type RevokePermissionInput = {
  /** Active permission id granted by the viewer. */
  permissionId: string;
};

/** One value when defining a scale; order is the position in the list. */
export type ScaleValueInput = {
  /** Optional explanation (max 1000). */
  description?: string | null | undefined;
  /** Label (1–255). */
  label: string;
};

/** What a search result is. */
export type SearchKind =
  /** A deed's name or description. */
  | 'DEED'
  /** A deed item's name or description. */
  | 'DEED_ITEM'
  /** An entry's notes. */
  | 'ENTRY'
  /** A reflection. */
  | 'REFLECTION'
  /** A message of the support conversation. */
  | 'SUPPORT_MESSAGE';

/** Input for sendConnectionRequest. */
export type SendConnectionRequestInput = {
  /** Email of the user to request (becomes the requestee). */
  email: string;
};

/** Input for sendSupportMessage. */
export type SendSupportMessageInput = {
  /** Message text (1–5000). */
  content: string;
  /** Optional subject (max 255). */
  subject?: string | null | undefined;
};

/** Input for setActiveScale. */
export type SetActiveScaleInput = {
  /** Scale version to activate. */
  scaleId: string;
};

/** Input for setReminder. */
export type SetReminderInput = {
  /** Local time of day. */
  time: string;
  /** IANA timezone; defaults to the viewer's timezone. */
  timezone?: string | null | undefined;
};

/** Filter for supportInbox. */
export type SupportInboxFilter = {
  /** Only open or only resolved threads. */
  status?: SupportThreadStatus | null | undefined;
  /** Only threads with user messages support has not read. */
  unreadOnly?: boolean | null | undefined;
};

/** Filter for support messages. */
export type SupportMessageFilter = {
  /** Only unread messages from support. */
  unreadOnly?: boolean | null | undefined;
};

/** Who wrote a support message. */
export type SupportMessageSender =
  /** The Kitaab support team. */
  | 'SUPPORT'
  /** The user. */
  | 'USER';

/** Input for resolveSupportThread and reopenSupportThread. */
export type SupportThreadInput = {
  /** The thread (the user's id). */
  threadId: string;
};

/** State of a user's support conversation. */
export type SupportThreadStatus =
  /** Waiting for support (the default; a new message from the user reopens a resolved thread). */
  | 'OPEN'
  /** Marked resolved by support. */
  | 'RESOLVED';

/** Filter for the targets list. */
export type TargetFilter = {
  /** Only targets whose range overlaps this date. */
  activeOn?: string | null | undefined;
  /** Include soft-deleted targets. */
  includeDeleted?: boolean | null | undefined;
  /** Only these derived statuses. */
  statuses?: Array<GoalStatus> | null | undefined;
};

/** A target item; include id to keep an existing item when updating. */
export type TargetItemInput = {
  /** Deed item from any of the viewer's deeds. */
  deedItemId: string;
  /** Existing item id (update only); omit to create. */
  id?: string | null | undefined;
  /** Required amount (> 0; whole number for scale items). */
  required: string;
  /** Required for SCALE deeds (value of the deed's scale); forbidden for COUNT deeds. */
  scaleValueId?: string | null | undefined;
};

/** UI colour theme preference. */
export type Theme =
  /** Dark theme. */
  | 'DARK'
  /** Light theme. */
  | 'LIGHT'
  /** Follow the device setting. */
  | 'SYSTEM';

/** Input for updateDeed; omitted fields are unchanged. */
export type UpdateDeedInput = {
  /** New category. */
  category?: DeedCategory | null | undefined;
  /** New description; null clears. */
  description?: string | null | undefined;
  /** New position among the owner's deeds. */
  displayOrder?: number | null | undefined;
  /** Deed id. */
  id: string;
  /** Archive (false) or unarchive (true). */
  isActive?: boolean | null | undefined;
  /** New name (1–255). */
  name?: string | null | undefined;
};

/** Input for updateDeedItem; omitted fields are unchanged. */
export type UpdateDeedItemInput = {
  /** New description; null clears. */
  description?: string | null | undefined;
  /** New position among siblings. */
  displayOrder?: number | null | undefined;
  /** Deed item id. */
  id: string;
  /** New name (1–255). */
  name?: string | null | undefined;
};

/** Input for updateEntry; give at most one of scaleValueId or count, omitted fields are unchanged. */
export type UpdateEntryInput = {
  /** New count (COUNT deeds, >= 0). */
  count?: string | null | undefined;
  /** Entry id. */
  id: string;
  /** New notes; null clears. */
  notes?: string | null | undefined;
  /** New scale value (SCALE deeds). */
  scaleValueId?: string | null | undefined;
};

/** Input for updateMerit; omitted fields are unchanged, items replaces the whole set. */
export type UpdateMeritInput = {
  /** New completion logic. */
  completionLogic?: CompletionLogic | null | undefined;
  /** New description; null clears. */
  description?: string | null | undefined;
  /** New window length; null makes it open-ended. */
  durationDays?: number | null | undefined;
  /** Merit id. */
  id: string;
  /** Pause (false) or resume (true). */
  isActive?: boolean | null | undefined;
  /** Full new item set (1–20); existing items not listed are removed. */
  items?: Array<MeritItemInput> | null | undefined;
  /** New name (1–255). */
  name?: string | null | undefined;
  /** New window start. */
  startDate?: string | null | undefined;
};

/** Input for updateProfile; omitted fields are unchanged. */
export type UpdateProfileInput = {
  /** New display name (1–255). */
  fullName?: string | null | undefined;
  /** Preferences to merge. */
  preferences?: UserPreferencesInput | null | undefined;
  /** New IANA timezone (does not move existing entry dates). */
  timezone?: string | null | undefined;
};

/** Input for updateTarget; omitted fields are unchanged, items replaces the whole set. */
export type UpdateTargetInput = {
  /** New completion logic. */
  completionLogic?: CompletionLogic | null | undefined;
  /** New description; null clears. */
  description?: string | null | undefined;
  /** New last day. */
  endDate?: string | null | undefined;
  /** Target id. */
  id: string;
  /** Pause (false) or resume (true). */
  isActive?: boolean | null | undefined;
  /** Full new item set (1–50); existing items not listed are removed. */
  items?: Array<TargetItemInput> | null | undefined;
  /** New name (1–255). */
  name?: string | null | undefined;
  /** New first day. */
  startDate?: string | null | undefined;
};

/** Partial preferences; omitted fields keep their value. */
export type UserPreferencesInput = {
  /** Default dashboard days (1–365). */
  defaultDashboardDays?: number | null | undefined;
  /** BCP-47 language tag. */
  locale?: string | null | undefined;
  /** UI colour theme. */
  theme?: Theme | null | undefined;
  /** First day of the week. */
  weekStartsOn?: Weekday | null | undefined;
};

/** Input for verifyEmail. */
export type VerifyEmailInput = {
  /** Token from the verification email. */
  token: string;
};

/** Day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

/** Input for writeReflection: upsert on (date, type). */
export type WriteReflectionInput = {
  /** Text (1–10000). */
  content: string;
  /** Day reflected on; not in the future (viewer's timezone). */
  date: string;
  /** Kind of reflection. */
  type: ReflectionType;
};

export type AuthFieldsFragment = { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } | null };

export type UserProfileQueryVariables = Exact<{
  id: string;
}>;


export type UserProfileQuery = { user: { id: string, fullName: string, timezone: string } | null };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { verifyEmail: { verified: boolean, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } | null } };

export type RequestEmailVerificationMutationVariables = Exact<{
  input: RequestEmailVerificationInput;
}>;


export type RequestEmailVerificationMutation = { requestEmailVerification: { accepted: boolean } };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { accepted: boolean } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type DeleteAccountMutationVariables = Exact<{
  input: DeleteAccountInput;
}>;


export type DeleteAccountMutation = { deleteAccount: { deletedUserId: string, deletedAt: string, purgeAfter: string } };

export type RestoreAccountMutationVariables = Exact<{
  input: RestoreAccountInput;
}>;


export type RestoreAccountMutation = { restoreAccount: { token: string, expiresAt: string, user: { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } } } };

export type ExportMyDataMutationVariables = Exact<{
  input: ExportMyDataInput;
}>;


export type ExportMyDataMutation = { exportMyData: { data: unknown, generatedAt: string } };

export type DeedsQueryVariables = Exact<{
  filter?: DeedFilter | null | undefined;
}>;


export type DeedsQuery = { deeds: Array<{ id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, rootItems: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null }> };

export type DeedQueryVariables = Exact<{
  id: string;
  includeDeletedItems?: boolean | null | undefined;
}>;


export type DeedQuery = { deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, scales: Array<{ id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> }>, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null } | null };

export type DeedItemQueryVariables = Exact<{
  id: string;
  includeDeletedChildren?: boolean | null | undefined;
  maxDepth?: number | null | undefined;
}>;


export type DeedItemQuery = { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, ancestors: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, children: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, descendants: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, deed: { id: string }, parent: { id: string } | null } | null };

export type ScalesQueryVariables = Exact<{
  deedId: string;
}>;


export type ScalesQuery = { scales: Array<{ id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> }> };

export type CreateDeedMutationVariables = Exact<{
  input: CreateDeedInput;
}>;


export type CreateDeedMutation = { createDeed: { deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null } } };

export type UpdateDeedMutationVariables = Exact<{
  input: UpdateDeedInput;
}>;


export type UpdateDeedMutation = { updateDeed: { deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null } } };

export type DeleteDeedMutationVariables = Exact<{
  input: DeleteDeedInput;
}>;


export type DeleteDeedMutation = { deleteDeed: { deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null } } };

export type RestoreDeedMutationVariables = Exact<{
  input: RestoreDeedInput;
}>;


export type RestoreDeedMutation = { restoreDeed: { deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null } } };

export type CreateDeedItemMutationVariables = Exact<{
  input: CreateDeedItemInput;
}>;


export type CreateDeedItemMutation = { createDeedItem: { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }, parent: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } | null, deed: { id: string, updatedAt: string } } };

export type UpdateDeedItemMutationVariables = Exact<{
  input: UpdateDeedItemInput;
}>;


export type UpdateDeedItemMutation = { updateDeedItem: { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } } };

export type MoveDeedItemMutationVariables = Exact<{
  input: MoveDeedItemInput;
}>;


export type MoveDeedItemMutation = { moveDeedItem: { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }, movedDescendants: Array<{ id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }>, oldParent: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } | null, newParent: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } | null, deed: { id: string, updatedAt: string } } };

export type DeleteDeedItemMutationVariables = Exact<{
  input: DeleteDeedItemInput;
}>;


export type DeleteDeedItemMutation = { deleteDeedItem: { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }, parent: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } | null, deed: { id: string, updatedAt: string } } };

export type RestoreDeedItemMutationVariables = Exact<{
  input: RestoreDeedItemInput;
}>;


export type RestoreDeedItemMutation = { restoreDeedItem: { deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }, parent: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null } | null, deed: { id: string, updatedAt: string } } };

export type CreateScaleMutationVariables = Exact<{
  input: CreateScaleInput;
}>;


export type CreateScaleMutation = { createScale: { scale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> }, previousActiveScale: { id: string, isActive: boolean } | null, deed: { id: string, activeScale: { id: string } | null } } };

export type SetActiveScaleMutationVariables = Exact<{
  input: SetActiveScaleInput;
}>;


export type SetActiveScaleMutation = { setActiveScale: { scale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> }, previousActiveScale: { id: string, isActive: boolean } | null, deed: { id: string, activeScale: { id: string } | null } } };

export type EntriesQueryVariables = Exact<{
  filter?: EntryFilter | null | undefined;
  orderBy?: EntryOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EntriesQuery = { entries: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type EntryQueryVariables = Exact<{
  id: string;
}>;


export type EntryQuery = { entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null };

export type EntryHistoryQueryVariables = Exact<{
  entryId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EntryHistoryQuery = { entryHistory: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type RecordEntryMutationVariables = Exact<{
  input: RecordEntryInput;
}>;


export type RecordEntryMutation = { recordEntry: { outcome: RecordEntryOutcome, entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, affectedMerits: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }>, affectedTargets: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> } };

export type RecordEntriesMutationVariables = Exact<{
  input: RecordEntriesInput;
}>;


export type RecordEntriesMutation = { recordEntries: { results: Array<{ outcome: RecordEntryOutcome, entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } }>, affectedMerits: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }>, affectedTargets: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> } };

export type UpdateEntryMutationVariables = Exact<{
  input: UpdateEntryInput;
}>;


export type UpdateEntryMutation = { updateEntry: { entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, change: { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null } | null, affectedMerits: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }>, affectedTargets: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> } };

export type DeleteEntryMutationVariables = Exact<{
  input: DeleteEntryInput;
}>;


export type DeleteEntryMutation = { deleteEntry: { entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, change: { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null } | null, affectedMerits: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }>, affectedTargets: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> } };

export type RestoreEntryMutationVariables = Exact<{
  input: RestoreEntryInput;
}>;


export type RestoreEntryMutation = { restoreEntry: { entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, change: { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null } | null, affectedMerits: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }>, affectedTargets: Array<{ id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> } };

export type PageInfoFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type UserProfileFieldsFragment = { id: string, fullName: string, timezone: string };

export type UserFieldsFragment = { id: string, email: string, emailVerified: boolean, fullName: string, timezone: string, today: string, unreadSupportMessageCount: number, createdAt: string, updatedAt: string, preferences: { locale: string, theme: Theme, weekStartsOn: Weekday, defaultDashboardDays: number } };

export type ScaleValueFieldsFragment = { id: string, label: string, order: number, description: string | null };

export type ScaleFieldsFragment = { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> };

export type DeedFieldsFragment = { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null };

export type DeedItemFieldsFragment = { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null };

export type EntryFieldsFragment = { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null };

export type EntrySnapshotFieldsFragment = { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null };

export type EntryChangeFieldsFragment = { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null };

export type RelationFieldsFragment = { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } };

export type PermissionFieldsFragment = { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null };

export type GoalProgressFieldsFragment = { complete: boolean, completedItemCount: number, itemCount: number, percent: number };

export type ItemProgressFieldsFragment = { achieved: string, required: string, percent: number, complete: boolean };

export type AffectedMeritFieldsFragment = { id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } };

export type AffectedTargetFieldsFragment = { id: string, status: GoalStatus, completedAt: string | null, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } };

export type MeritFieldsFragment = { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } };

export type TargetFieldsFragment = { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } };

export type MeritsQueryVariables = Exact<{
  filter?: MeritFilter | null | undefined;
}>;


export type MeritsQuery = { merits: Array<{ id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> };

export type MeritQueryVariables = Exact<{
  id: string;
}>;


export type MeritQuery = { merit: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } | null };

export type TargetsQueryVariables = Exact<{
  filter?: TargetFilter | null | undefined;
}>;


export type TargetsQuery = { targets: Array<{ id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } }> };

export type TargetQueryVariables = Exact<{
  id: string;
}>;


export type TargetQuery = { target: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } | null };

export type CreateMeritMutationVariables = Exact<{
  input: CreateMeritInput;
}>;


export type CreateMeritMutation = { createMerit: { merit: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type UpdateMeritMutationVariables = Exact<{
  input: UpdateMeritInput;
}>;


export type UpdateMeritMutation = { updateMerit: { removedItemIds: Array<string>, merit: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type DeleteMeritMutationVariables = Exact<{
  input: DeleteMeritInput;
}>;


export type DeleteMeritMutation = { deleteMerit: { merit: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, durationDays: number | null, endDate: string | null, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType }, items: Array<{ id: string, required: string, deedItem: { id: string, name: string }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type CreateTargetMutationVariables = Exact<{
  input: CreateTargetInput;
}>;


export type CreateTargetMutation = { createTarget: { target: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type UpdateTargetMutationVariables = Exact<{
  input: UpdateTargetInput;
}>;


export type UpdateTargetMutation = { updateTarget: { removedItemIds: Array<string>, target: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type DeleteTargetMutationVariables = Exact<{
  input: DeleteTargetInput;
}>;


export type DeleteTargetMutation = { deleteTarget: { target: { id: string, name: string, description: string | null, completionLogic: CompletionLogic, startDate: string, endDate: string, isActive: boolean, status: GoalStatus, completedAt: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, items: Array<{ id: string, required: string, deedItem: { id: string, name: string, deed: { id: string, name: string } }, scaleValue: { id: string, label: string, order: number, description: string | null } | null, progress: { achieved: string, required: string, percent: number, complete: boolean } }>, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } } };

export type DashboardQueryVariables = Exact<{
  days?: number | null | undefined;
  ownerId?: string | null | undefined;
}>;


export type DashboardQuery = { dashboard: { days: number, dateFrom: string, dateTo: string, timezone: string, generatedAt: string, owner: { id: string, fullName: string, timezone: string }, categories: Array<{ category: DeedCategory, entryCount: number, scaleEntryCount: number, countEntryCount: number, countSum: string, activeDays: number, averageEntriesPerDay: string, averageCountPerDay: string, averageScaleScore: number | null, series: Array<{ date: string, entryCount: number, countSum: string, averageScaleScore: number | null }> }> } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { edges: Array<{ cursor: string, node: { id: string, action: AuditAction, entityType: AuditEntityType, entityId: string | null, ipAddress: string | null, oldValues: unknown, newValues: unknown, createdAt: string, actor: { id: string, fullName: string, timezone: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ReflectionFieldsFragment = { id: string, date: string, type: ReflectionType, content: string, createdAt: string, updatedAt: string };

export type SupportMessageFieldsFragment = { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string };

export type ReminderSettingFieldsFragment = { id: string, time: string, timezone: string, isActive: boolean, lastSentOn: string | null, updatedAt: string };

export type ReflectionsQueryVariables = Exact<{
  dateFrom: string;
  dateTo: string;
  type?: ReflectionType | null | undefined;
}>;


export type ReflectionsQuery = { reflections: Array<{ id: string, date: string, type: ReflectionType, content: string, createdAt: string, updatedAt: string }> };

export type SupportMessagesQueryVariables = Exact<{
  filter?: SupportMessageFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SupportMessagesQuery = { supportMessages: { edges: Array<{ cursor: string, node: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ReminderSettingQueryVariables = Exact<{ [key: string]: never; }>;


export type ReminderSettingQuery = { reminderSetting: { id: string, time: string, timezone: string, isActive: boolean, lastSentOn: string | null, updatedAt: string } | null };

export type WriteReflectionMutationVariables = Exact<{
  input: WriteReflectionInput;
}>;


export type WriteReflectionMutation = { writeReflection: { created: boolean, reflection: { id: string, date: string, type: ReflectionType, content: string, createdAt: string, updatedAt: string } } };

export type DeleteReflectionMutationVariables = Exact<{
  input: DeleteReflectionInput;
}>;


export type DeleteReflectionMutation = { deleteReflection: { deletedReflectionId: string } };

export type SendSupportMessageMutationVariables = Exact<{
  input: SendSupportMessageInput;
}>;


export type SendSupportMessageMutation = { sendSupportMessage: { message: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string } } };

export type MarkMessageReadMutationVariables = Exact<{
  input: MarkMessageReadInput;
}>;


export type MarkMessageReadMutation = { markMessageRead: { message: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string }, me: { id: string, unreadSupportMessageCount: number } } };

export type SetReminderMutationVariables = Exact<{
  input: SetReminderInput;
}>;


export type SetReminderMutation = { setReminder: { reminderSetting: { id: string, time: string, timezone: string, isActive: boolean, lastSentOn: string | null, updatedAt: string } } };

export type DisableReminderMutationVariables = Exact<{
  input: DisableReminderInput;
}>;


export type DisableReminderMutation = { disableReminder: { reminderSetting: { id: string, time: string, timezone: string, isActive: boolean, lastSentOn: string | null, updatedAt: string } } };

export type SearchQueryVariables = Exact<{
  query: string;
  kinds?: Array<SearchKind> | SearchKind | null | undefined;
  ownerId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, edges: Array<{ cursor: string, node:
        | { kind: SearchKind, rank: number, deedItem: { id: string, name: string, description: string | null, displayOrder: number, level: number, hasChildren: boolean, myAccess: AccessLevel, createdAt: string, updatedAt: string, deletedAt: string | null, deed: { id: string }, parent: { id: string } | null }, snippet: { text: string, highlights: Array<{ start: number, length: number }> } }
        | { kind: SearchKind, rank: number, deed: { id: string, name: string, description: string | null, category: DeedCategory, measureType: MeasureType, isActive: boolean, displayOrder: number, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, activeScale: { id: string, version: number, name: string | null, isActive: boolean, createdAt: string, values: Array<{ id: string, label: string, order: number, description: string | null }> } | null }, snippet: { text: string, highlights: Array<{ start: number, length: number }> } }
        | { kind: SearchKind, rank: number, entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, snippet: { text: string, highlights: Array<{ start: number, length: number }> } }
        | { kind: SearchKind, rank: number, reflection: { id: string, date: string, type: ReflectionType, content: string, createdAt: string, updatedAt: string }, snippet: { text: string, highlights: Array<{ start: number, length: number }> } }
        | { kind: SearchKind, rank: number, message: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string }, snippet: { text: string, highlights: Array<{ start: number, length: number }> } }
       }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type RelationsQueryVariables = Exact<{
  filter?: RelationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RelationsQuery = { relations: { edges: Array<{ cursor: string, node: { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type RelationQueryVariables = Exact<{
  id: string;
}>;


export type RelationQuery = { relation: { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, permissions: Array<{ id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null }>, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } } | null };

export type PermissionsGrantedByMeQueryVariables = Exact<{
  filter?: PermissionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PermissionsGrantedByMeQuery = { permissionsGrantedByMe: { edges: Array<{ cursor: string, node: { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type PermissionsGrantedToMeQueryVariables = Exact<{
  filter?: PermissionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PermissionsGrantedToMeQuery = { permissionsGrantedToMe: { edges: Array<{ cursor: string, node: { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type SendConnectionRequestMutationVariables = Exact<{
  input: SendConnectionRequestInput;
}>;


export type SendConnectionRequestMutation = { sendConnectionRequest: { relation: { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } } } };

export type RespondToConnectionRequestMutationVariables = Exact<{
  input: RespondToConnectionRequestInput;
}>;


export type RespondToConnectionRequestMutation = { respondToConnectionRequest: { relation: { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } } } };

export type BlockUserMutationVariables = Exact<{
  input: BlockUserInput;
}>;


export type BlockUserMutation = { blockUser: { removedRelationIds: Array<string>, relation: { id: string, status: RelationStatus, direction: RelationDirection, createdAt: string, respondedAt: string | null, updatedAt: string, requester: { id: string, fullName: string, timezone: string }, requestee: { id: string, fullName: string, timezone: string } }, revokedPermissions: Array<{ id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null }> } };

export type RemoveConnectionMutationVariables = Exact<{
  input: RemoveConnectionInput;
}>;


export type RemoveConnectionMutation = { removeConnection: { removedRelationId: string, revokedPermissions: Array<{ id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null }> } };

export type GrantPermissionMutationVariables = Exact<{
  input: GrantPermissionInput;
}>;


export type GrantPermissionMutation = { grantPermission: { permission: { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null }, supersededPermission: { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null } | null, relation: { id: string, updatedAt: string } } };

export type RevokePermissionMutationVariables = Exact<{
  input: RevokePermissionInput;
}>;


export type RevokePermissionMutation = { revokePermission: { permission: { id: string, type: PermissionType, version: number, isActive: boolean, grantedAt: string, revokedAt: string | null, relation: { id: string }, grantor: { id: string, fullName: string, timezone: string }, grantee: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string } } | null }, relation: { id: string, updatedAt: string } } };

export type OnEntryRecordedSubscriptionVariables = Exact<{
  ownerId?: string | null | undefined;
}>;


export type OnEntryRecordedSubscription = { entryRecorded: { id: string, action: EntryChangeAction, changedAt: string, entry: { id: string, entryDate: string, count: string | null, notes: string | null, createdAt: string, updatedAt: string, deletedAt: string | null, owner: { id: string, fullName: string, timezone: string }, createdBy: { id: string, fullName: string, timezone: string }, deedItem: { id: string, name: string, deed: { id: string, name: string, category: DeedCategory, measureType: MeasureType } }, scale: { id: string, version: number } | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null }, changedBy: { id: string, fullName: string, timezone: string }, before: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null, after: { count: string | null, notes: string | null, scaleValue: { id: string, label: string, order: number, description: string | null } | null } | null } };

export type OnMeritCompletedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OnMeritCompletedSubscription = { meritCompleted: { name: string, id: string, status: GoalStatus, completedAt: string | null, deed: { id: string, name: string }, progress: { complete: boolean, completedItemCount: number, itemCount: number, percent: number } } };

export type OnSupportMessageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OnSupportMessageReceivedSubscription = { supportMessageReceived: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string } };

export type SupportThreadFieldsFragment = { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, user: { id: string, fullName: string, timezone: string } };

export type SupportInboxQueryVariables = Exact<{
  filter?: SupportInboxFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SupportInboxQuery = { supportInbox: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, user: { id: string, fullName: string, timezone: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type SupportThreadQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SupportThreadQuery = { supportThread: { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, messages: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } }, user: { id: string, fullName: string, timezone: string } } | null };

export type ReplyToSupportMessageMutationVariables = Exact<{
  input: ReplyToSupportMessageInput;
}>;


export type ReplyToSupportMessageMutation = { replyToSupportMessage: { message: { id: string, sender: SupportMessageSender, subject: string | null, content: string, readAt: string | null, createdAt: string }, thread: { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, user: { id: string, fullName: string, timezone: string } } } };

export type ResolveSupportThreadMutationVariables = Exact<{
  input: SupportThreadInput;
}>;


export type ResolveSupportThreadMutation = { resolveSupportThread: { thread: { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, user: { id: string, fullName: string, timezone: string } } } };

export type ReopenSupportThreadMutationVariables = Exact<{
  input: SupportThreadInput;
}>;


export type ReopenSupportThreadMutation = { reopenSupportThread: { thread: { id: string, status: SupportThreadStatus, resolvedAt: string | null, lastMessageAt: string, unreadCount: number, user: { id: string, fullName: string, timezone: string } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const AuthFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"fragmentName":"AuthFields"}) as unknown as TypedDocumentString<AuthFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const UserProfileFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
    `, {"fragmentName":"UserProfileFields"}) as unknown as TypedDocumentString<UserProfileFieldsFragment, unknown>;
export const ScaleValueFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
    `, {"fragmentName":"ScaleValueFields"}) as unknown as TypedDocumentString<ScaleValueFieldsFragment, unknown>;
export const ScaleFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}`, {"fragmentName":"ScaleFields"}) as unknown as TypedDocumentString<ScaleFieldsFragment, unknown>;
export const DeedFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}`, {"fragmentName":"DeedFields"}) as unknown as TypedDocumentString<DeedFieldsFragment, unknown>;
export const DeedItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}
    `, {"fragmentName":"DeedItemFields"}) as unknown as TypedDocumentString<DeedItemFieldsFragment, unknown>;
export const EntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}`, {"fragmentName":"EntryFields"}) as unknown as TypedDocumentString<EntryFieldsFragment, unknown>;
export const EntrySnapshotFieldsFragmentDoc = new TypedDocumentString(`
    fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}`, {"fragmentName":"EntrySnapshotFields"}) as unknown as TypedDocumentString<EntrySnapshotFieldsFragment, unknown>;
export const EntryChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}`, {"fragmentName":"EntryChangeFields"}) as unknown as TypedDocumentString<EntryChangeFieldsFragment, unknown>;
export const RelationFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"fragmentName":"RelationFields"}) as unknown as TypedDocumentString<RelationFieldsFragment, unknown>;
export const PermissionFieldsFragmentDoc = new TypedDocumentString(`
    fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"fragmentName":"PermissionFields"}) as unknown as TypedDocumentString<PermissionFieldsFragment, unknown>;
export const GoalProgressFieldsFragmentDoc = new TypedDocumentString(`
    fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
    `, {"fragmentName":"GoalProgressFields"}) as unknown as TypedDocumentString<GoalProgressFieldsFragment, unknown>;
export const AffectedMeritFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
    fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}`, {"fragmentName":"AffectedMeritFields"}) as unknown as TypedDocumentString<AffectedMeritFieldsFragment, unknown>;
export const AffectedTargetFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
    fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}`, {"fragmentName":"AffectedTargetFields"}) as unknown as TypedDocumentString<AffectedTargetFieldsFragment, unknown>;
export const ItemProgressFieldsFragmentDoc = new TypedDocumentString(`
    fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
    `, {"fragmentName":"ItemProgressFields"}) as unknown as TypedDocumentString<ItemProgressFieldsFragment, unknown>;
export const MeritFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}`, {"fragmentName":"MeritFields"}) as unknown as TypedDocumentString<MeritFieldsFragment, unknown>;
export const TargetFieldsFragmentDoc = new TypedDocumentString(`
    fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}`, {"fragmentName":"TargetFields"}) as unknown as TypedDocumentString<TargetFieldsFragment, unknown>;
export const ReflectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReflectionFields on Reflection {
  id
  date
  type
  content
  createdAt
  updatedAt
}
    `, {"fragmentName":"ReflectionFields"}) as unknown as TypedDocumentString<ReflectionFieldsFragment, unknown>;
export const SupportMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupportMessageFields on SupportMessage {
  id
  sender
  subject
  content
  readAt
  createdAt
}
    `, {"fragmentName":"SupportMessageFields"}) as unknown as TypedDocumentString<SupportMessageFieldsFragment, unknown>;
export const ReminderSettingFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReminderSettingFields on ReminderSetting {
  id
  time
  timezone
  isActive
  lastSentOn
  updatedAt
}
    `, {"fragmentName":"ReminderSettingFields"}) as unknown as TypedDocumentString<ReminderSettingFieldsFragment, unknown>;
export const SupportThreadFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"fragmentName":"SupportThreadFields"}) as unknown as TypedDocumentString<SupportThreadFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"67e7a01d1678531eb4f5d49571938a0cdba80a23e509f692ed38f8824e3a7438"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const UserProfileDocument = new TypedDocumentString(`
    query UserProfile($id: ID!) {
  user(id: $id) {
    ...UserProfileFields
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"hash":"9f119e421fe8810cd94c15ffefd873ad5bcd3d4dd112a3768d7a5cdfa2b868ab"}) as unknown as TypedDocumentString<UserProfileQuery, UserProfileQueryVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    ...AuthFields
  }
}
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"a938ac6ff213eb9d098eb00da38dda598064154071103861746492eb5bbf9fdc"}) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...AuthFields
  }
}
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"04a52d673a57a7e96c36ad467263ea7cba21ba564449493f13065a2862548336"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) {
    verified
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"abe9952f4d29b6d2f34ef1575bb56bf5b0c8a0fed776444408c827b31d695e65"}) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestEmailVerificationDocument = new TypedDocumentString(`
    mutation RequestEmailVerification($input: RequestEmailVerificationInput!) {
  requestEmailVerification(input: $input) {
    accepted
  }
}
    `, {"hash":"f4aa19c8de1becb886906fd5b8e2b1f0ba8f5b9676f5d55bf773e9cdce497a29"}) as unknown as TypedDocumentString<RequestEmailVerificationMutation, RequestEmailVerificationMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) {
    accepted
  }
}
    `, {"hash":"c634d475b7e2f65d7ea9212ccb3821b19c911fcbc60b03cdadf71d0a8c8eb6c0"}) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    ...AuthFields
  }
}
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"e646edee92be41e4a5bbc195818ed3dfb62f2150ba9b1533e200b7fb30c91f0a"}) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ...AuthFields
  }
}
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"d79bf47afa4b0ef0d19d94bd7b5fb210727a5a64821a081e6a7a1f9643cb0d60"}) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"033f359c7df229e1eb66dd0c5fbcf59f1fc44729f44a546fd3ccc90b207ffde7"}) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($input: DeleteAccountInput!) {
  deleteAccount(input: $input) {
    deletedUserId
    deletedAt
    purgeAfter
  }
}
    `, {"hash":"fbd0152f1715dc18f04d7ceee9e89d749414318ed92a99eb7620bc283c3be1c3"}) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const RestoreAccountDocument = new TypedDocumentString(`
    mutation RestoreAccount($input: RestoreAccountInput!) {
  restoreAccount(input: $input) {
    ...AuthFields
  }
}
    fragment AuthFields on AuthPayload {
  token
  expiresAt
  user {
    ...UserFields
  }
}
fragment UserFields on User {
  id
  email
  emailVerified
  fullName
  timezone
  today
  preferences {
    locale
    theme
    weekStartsOn
    defaultDashboardDays
  }
  unreadSupportMessageCount
  createdAt
  updatedAt
}`, {"hash":"f5db8c38c1e407c51ac8930e4ef582f29035e102ab1e01bc136a07b00c765433"}) as unknown as TypedDocumentString<RestoreAccountMutation, RestoreAccountMutationVariables>;
export const ExportMyDataDocument = new TypedDocumentString(`
    mutation ExportMyData($input: ExportMyDataInput!) {
  exportMyData(input: $input) {
    data
    generatedAt
  }
}
    `, {"hash":"fa7be738add03d7c37c18f73e818051f40a4982c46f888ccd86e96fe8d2abe20"}) as unknown as TypedDocumentString<ExportMyDataMutation, ExportMyDataMutationVariables>;
export const DeedsDocument = new TypedDocumentString(`
    query Deeds($filter: DeedFilter) {
  deeds(filter: $filter) {
    ...DeedFields
    rootItems {
      ...DeedItemFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}
fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"3453d9202a78b2badb223908c1dee5fc842fe31d71f45eae5937fbe2e2e90737"}) as unknown as TypedDocumentString<DeedsQuery, DeedsQueryVariables>;
export const DeedDocument = new TypedDocumentString(`
    query Deed($id: ID!, $includeDeletedItems: Boolean = false) {
  deed(id: $id) {
    ...DeedFields
    items(includeDeleted: $includeDeletedItems) {
      ...DeedItemFields
    }
    scales {
      ...ScaleFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}
fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"311141e0c97799b126c83ef44fc3ca22d31d2e421cd544e2af252d96368d0cb9"}) as unknown as TypedDocumentString<DeedQuery, DeedQueryVariables>;
export const DeedItemDocument = new TypedDocumentString(`
    query DeedItem($id: ID!, $includeDeletedChildren: Boolean = false, $maxDepth: Int = 3) {
  deedItem(id: $id) {
    ...DeedItemFields
    ancestors {
      ...DeedItemFields
    }
    children(includeDeleted: $includeDeletedChildren) {
      ...DeedItemFields
    }
    descendants(maxDepth: $maxDepth) {
      ...DeedItemFields
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"9901491c5c4ef19637f07d2ba4f56f7ece583f2b2b0d87962dee2b55a96532ac"}) as unknown as TypedDocumentString<DeedItemQuery, DeedItemQueryVariables>;
export const ScalesDocument = new TypedDocumentString(`
    query Scales($deedId: ID!) {
  scales(deedId: $deedId) {
    ...ScaleFields
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}`, {"hash":"d692febd7d0e304a6f3e8b4d30df57bb0e16aed99f10cf8239824ae99c719043"}) as unknown as TypedDocumentString<ScalesQuery, ScalesQueryVariables>;
export const CreateDeedDocument = new TypedDocumentString(`
    mutation CreateDeed($input: CreateDeedInput!) {
  createDeed(input: $input) {
    deed {
      ...DeedFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"8c0af17e9df7a5f9c1a88cda216b986842b2f7a7e50dc30eec0646ef24258964"}) as unknown as TypedDocumentString<CreateDeedMutation, CreateDeedMutationVariables>;
export const UpdateDeedDocument = new TypedDocumentString(`
    mutation UpdateDeed($input: UpdateDeedInput!) {
  updateDeed(input: $input) {
    deed {
      ...DeedFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"927ac501480ab5703ad7030b98f6191601e157bf059fbc300480a30dbec65ca0"}) as unknown as TypedDocumentString<UpdateDeedMutation, UpdateDeedMutationVariables>;
export const DeleteDeedDocument = new TypedDocumentString(`
    mutation DeleteDeed($input: DeleteDeedInput!) {
  deleteDeed(input: $input) {
    deed {
      ...DeedFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"ba749730b97d5a57d9e745d3700044f8dc8180dd4fd1a0ce0d8aed32f2a83933"}) as unknown as TypedDocumentString<DeleteDeedMutation, DeleteDeedMutationVariables>;
export const RestoreDeedDocument = new TypedDocumentString(`
    mutation RestoreDeed($input: RestoreDeedInput!) {
  restoreDeed(input: $input) {
    deed {
      ...DeedFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"e5ff0508dac11695667f1e9c18f8a8a5b759eb9969d1462a7a399b9ab3597b21"}) as unknown as TypedDocumentString<RestoreDeedMutation, RestoreDeedMutationVariables>;
export const CreateDeedItemDocument = new TypedDocumentString(`
    mutation CreateDeedItem($input: CreateDeedItemInput!) {
  createDeedItem(input: $input) {
    deedItem {
      ...DeedItemFields
    }
    parent {
      ...DeedItemFields
    }
    deed {
      id
      updatedAt
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"ba4f83eab85d142d10214306077cf42d5586ec3be1221c9e1f896296afdd3b00"}) as unknown as TypedDocumentString<CreateDeedItemMutation, CreateDeedItemMutationVariables>;
export const UpdateDeedItemDocument = new TypedDocumentString(`
    mutation UpdateDeedItem($input: UpdateDeedItemInput!) {
  updateDeedItem(input: $input) {
    deedItem {
      ...DeedItemFields
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"6b1c7f29d6c5bc00fbb24208681c8887a60d8818721ca1d202bd3c83b9d48be0"}) as unknown as TypedDocumentString<UpdateDeedItemMutation, UpdateDeedItemMutationVariables>;
export const MoveDeedItemDocument = new TypedDocumentString(`
    mutation MoveDeedItem($input: MoveDeedItemInput!) {
  moveDeedItem(input: $input) {
    deedItem {
      ...DeedItemFields
    }
    movedDescendants {
      ...DeedItemFields
    }
    oldParent {
      ...DeedItemFields
    }
    newParent {
      ...DeedItemFields
    }
    deed {
      id
      updatedAt
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"a5ef546010d5d839c1d5df2d15f9aa95749891708a6eedf6f6297c5226e0e572"}) as unknown as TypedDocumentString<MoveDeedItemMutation, MoveDeedItemMutationVariables>;
export const DeleteDeedItemDocument = new TypedDocumentString(`
    mutation DeleteDeedItem($input: DeleteDeedItemInput!) {
  deleteDeedItem(input: $input) {
    deedItem {
      ...DeedItemFields
    }
    parent {
      ...DeedItemFields
    }
    deed {
      id
      updatedAt
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"e94318cbb37b14ff826a0ffeea9b1c4e9918c343a75e3cd6bdf5cd757d054f03"}) as unknown as TypedDocumentString<DeleteDeedItemMutation, DeleteDeedItemMutationVariables>;
export const RestoreDeedItemDocument = new TypedDocumentString(`
    mutation RestoreDeedItem($input: RestoreDeedItemInput!) {
  restoreDeedItem(input: $input) {
    deedItem {
      ...DeedItemFields
    }
    parent {
      ...DeedItemFields
    }
    deed {
      id
      updatedAt
    }
  }
}
    fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"36e31a777afc9489e28c732349c632d9241c1de330c8db4323afd6d68a3b306a"}) as unknown as TypedDocumentString<RestoreDeedItemMutation, RestoreDeedItemMutationVariables>;
export const CreateScaleDocument = new TypedDocumentString(`
    mutation CreateScale($input: CreateScaleInput!) {
  createScale(input: $input) {
    scale {
      ...ScaleFields
    }
    previousActiveScale {
      id
      isActive
    }
    deed {
      id
      activeScale {
        id
      }
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}`, {"hash":"9b3c2f52a33f07b711ef82bbedbdbafe92c3350f0c7a6f47d2a05cddfb8cbfc8"}) as unknown as TypedDocumentString<CreateScaleMutation, CreateScaleMutationVariables>;
export const SetActiveScaleDocument = new TypedDocumentString(`
    mutation SetActiveScale($input: SetActiveScaleInput!) {
  setActiveScale(input: $input) {
    scale {
      ...ScaleFields
    }
    previousActiveScale {
      id
      isActive
    }
    deed {
      id
      activeScale {
        id
      }
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}`, {"hash":"9cb40dbdbf2491c372c6391b6ab6f5a39593e0ab42ad54677d3995e3de3c326d"}) as unknown as TypedDocumentString<SetActiveScaleMutation, SetActiveScaleMutationVariables>;
export const EntriesDocument = new TypedDocumentString(`
    query Entries($filter: EntryFilter, $orderBy: EntryOrder, $first: Int, $after: String) {
  entries(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...EntryFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"c797b2f35e384456213ed1df6c10a949b2d05ab45cc53a9489f630f755773db0"}) as unknown as TypedDocumentString<EntriesQuery, EntriesQueryVariables>;
export const EntryDocument = new TypedDocumentString(`
    query Entry($id: ID!) {
  entry(id: $id) {
    ...EntryFields
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"18e68609bf31e026c3788e475526945d4a796c888be51b30e55889d7aa802aa2"}) as unknown as TypedDocumentString<EntryQuery, EntryQueryVariables>;
export const EntryHistoryDocument = new TypedDocumentString(`
    query EntryHistory($entryId: ID!, $first: Int, $after: String) {
  entryHistory(entryId: $entryId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...EntryChangeFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}`, {"hash":"78b600c0a17e3b5a552e645510701a199fc58c5ec5f3b214db718aad3febcf86"}) as unknown as TypedDocumentString<EntryHistoryQuery, EntryHistoryQueryVariables>;
export const RecordEntryDocument = new TypedDocumentString(`
    mutation RecordEntry($input: RecordEntryInput!) {
  recordEntry(input: $input) {
    entry {
      ...EntryFields
    }
    outcome
    affectedMerits {
      ...AffectedMeritFields
    }
    affectedTargets {
      ...AffectedTargetFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"14c354aa5875fa5763e7cc151d78c49be2300d7ad01fbd5ac4a1d56b482522e6"}) as unknown as TypedDocumentString<RecordEntryMutation, RecordEntryMutationVariables>;
export const RecordEntriesDocument = new TypedDocumentString(`
    mutation RecordEntries($input: RecordEntriesInput!) {
  recordEntries(input: $input) {
    results {
      entry {
        ...EntryFields
      }
      outcome
    }
    affectedMerits {
      ...AffectedMeritFields
    }
    affectedTargets {
      ...AffectedTargetFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"5c8bf86e4a5575bb3f6e6313375dfd8e481c94962c3029013cab72d29b6a8ea0"}) as unknown as TypedDocumentString<RecordEntriesMutation, RecordEntriesMutationVariables>;
export const UpdateEntryDocument = new TypedDocumentString(`
    mutation UpdateEntry($input: UpdateEntryInput!) {
  updateEntry(input: $input) {
    entry {
      ...EntryFields
    }
    change {
      ...EntryChangeFields
    }
    affectedMerits {
      ...AffectedMeritFields
    }
    affectedTargets {
      ...AffectedTargetFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"8e2dabbf9802fbb96f2933e5ee30f7d61bd8a3dcb6751d6ada7ffe56adb2d4b8"}) as unknown as TypedDocumentString<UpdateEntryMutation, UpdateEntryMutationVariables>;
export const DeleteEntryDocument = new TypedDocumentString(`
    mutation DeleteEntry($input: DeleteEntryInput!) {
  deleteEntry(input: $input) {
    entry {
      ...EntryFields
    }
    change {
      ...EntryChangeFields
    }
    affectedMerits {
      ...AffectedMeritFields
    }
    affectedTargets {
      ...AffectedTargetFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"51da1ec9bd4257fa282a0277a1217ec3585f48ec9af91de635f85f6acd09bcaa"}) as unknown as TypedDocumentString<DeleteEntryMutation, DeleteEntryMutationVariables>;
export const RestoreEntryDocument = new TypedDocumentString(`
    mutation RestoreEntry($input: RestoreEntryInput!) {
  restoreEntry(input: $input) {
    entry {
      ...EntryFields
    }
    change {
      ...EntryChangeFields
    }
    affectedMerits {
      ...AffectedMeritFields
    }
    affectedTargets {
      ...AffectedTargetFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}
fragment AffectedTargetFields on Target {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"5d17fb56287a5f8e3396e45b7ec224dcd3780db2892794a272e8133eea6e054e"}) as unknown as TypedDocumentString<RestoreEntryMutation, RestoreEntryMutationVariables>;
export const MeritsDocument = new TypedDocumentString(`
    query Merits($filter: MeritFilter) {
  merits(filter: $filter) {
    ...MeritFields
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"54c49abcab837112711a0b09a0d793b82be7be0cfe3bcc94ed12eeff32795a4e"}) as unknown as TypedDocumentString<MeritsQuery, MeritsQueryVariables>;
export const MeritDocument = new TypedDocumentString(`
    query Merit($id: ID!) {
  merit(id: $id) {
    ...MeritFields
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"d11db0d48791e7e08f943b92aca2cd917709d7efe8c1bd3e206788d4ca61cc8f"}) as unknown as TypedDocumentString<MeritQuery, MeritQueryVariables>;
export const TargetsDocument = new TypedDocumentString(`
    query Targets($filter: TargetFilter) {
  targets(filter: $filter) {
    ...TargetFields
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"d1497b38c5b43a838aefa7bcb573419680107d7d215d35afe78362734c06a17f"}) as unknown as TypedDocumentString<TargetsQuery, TargetsQueryVariables>;
export const TargetDocument = new TypedDocumentString(`
    query Target($id: ID!) {
  target(id: $id) {
    ...TargetFields
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"e061f8cdcd300cfdf68b4f97a069182d36e240cce0f99239cc94c46d110efdb7"}) as unknown as TypedDocumentString<TargetQuery, TargetQueryVariables>;
export const CreateMeritDocument = new TypedDocumentString(`
    mutation CreateMerit($input: CreateMeritInput!) {
  createMerit(input: $input) {
    merit {
      ...MeritFields
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"c2caa2de3c3c1b6837becf9a8158c13c1da92f58f0ae2fdf2d6adfd3673e2477"}) as unknown as TypedDocumentString<CreateMeritMutation, CreateMeritMutationVariables>;
export const UpdateMeritDocument = new TypedDocumentString(`
    mutation UpdateMerit($input: UpdateMeritInput!) {
  updateMerit(input: $input) {
    merit {
      ...MeritFields
    }
    removedItemIds
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"67dc7a5b1626b80429d2767c4aaede5548682b4e991d080892b38223defdf6f8"}) as unknown as TypedDocumentString<UpdateMeritMutation, UpdateMeritMutationVariables>;
export const DeleteMeritDocument = new TypedDocumentString(`
    mutation DeleteMerit($input: DeleteMeritInput!) {
  deleteMerit(input: $input) {
    merit {
      ...MeritFields
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment MeritFields on Merit {
  id
  deed {
    id
    name
    category
    measureType
  }
  name
  description
  completionLogic
  startDate
  durationDays
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"9c33f9df62ed0939102ea4c8fc81b3800d87d1345217f69127cb1a3139c74fa8"}) as unknown as TypedDocumentString<DeleteMeritMutation, DeleteMeritMutationVariables>;
export const CreateTargetDocument = new TypedDocumentString(`
    mutation CreateTarget($input: CreateTargetInput!) {
  createTarget(input: $input) {
    target {
      ...TargetFields
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"b1405fed0f1f19df71dcc62b768f154f045bc5322797c08b1cd95a5c5e615f27"}) as unknown as TypedDocumentString<CreateTargetMutation, CreateTargetMutationVariables>;
export const UpdateTargetDocument = new TypedDocumentString(`
    mutation UpdateTarget($input: UpdateTargetInput!) {
  updateTarget(input: $input) {
    target {
      ...TargetFields
    }
    removedItemIds
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"385fa1cec4f52937909b6ce0230a55f6098b1fda7d6b788be5eec2178760f26a"}) as unknown as TypedDocumentString<UpdateTargetMutation, UpdateTargetMutationVariables>;
export const DeleteTargetDocument = new TypedDocumentString(`
    mutation DeleteTarget($input: DeleteTargetInput!) {
  deleteTarget(input: $input) {
    target {
      ...TargetFields
    }
  }
}
    fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment ItemProgressFields on ItemProgress {
  achieved
  required
  percent
  complete
}
fragment TargetFields on Target {
  id
  name
  description
  completionLogic
  startDate
  endDate
  isActive
  status
  completedAt
  items {
    id
    deedItem {
      id
      name
      deed {
        id
        name
      }
    }
    scaleValue {
      ...ScaleValueFields
    }
    required
    progress {
      ...ItemProgressFields
    }
  }
  progress {
    ...GoalProgressFields
  }
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"9985264265bbf912b3176dc800250f2ea72c426719427d0fe8888084c439a8d1"}) as unknown as TypedDocumentString<DeleteTargetMutation, DeleteTargetMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($days: Int, $ownerId: ID) {
  dashboard(days: $days, ownerId: $ownerId) {
    owner {
      ...UserProfileFields
    }
    days
    dateFrom
    dateTo
    timezone
    generatedAt
    categories {
      category
      entryCount
      scaleEntryCount
      countEntryCount
      countSum
      activeDays
      averageEntriesPerDay
      averageCountPerDay
      averageScaleScore
      series {
        date
        entryCount
        countSum
        averageScaleScore
      }
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"hash":"6bf887c27c6d6ddf93872fe3401ebdf852732c47259874176d33b582e4fea6b9"}) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        action
        entityType
        entityId
        actor {
          ...UserProfileFields
        }
        ipAddress
        oldValues
        newValues
        createdAt
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}`, {"hash":"528368be296d89911007bfecdb95c7812b41b227f4ed8638c6ac7b0daef5f3f3"}) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const ReflectionsDocument = new TypedDocumentString(`
    query Reflections($dateFrom: Date!, $dateTo: Date!, $type: ReflectionType) {
  reflections(dateFrom: $dateFrom, dateTo: $dateTo, type: $type) {
    ...ReflectionFields
  }
}
    fragment ReflectionFields on Reflection {
  id
  date
  type
  content
  createdAt
  updatedAt
}`, {"hash":"c9e393ae387280caa8bd1c4f31119c0c6997ce8599ea6eedeba62d5dead6475b"}) as unknown as TypedDocumentString<ReflectionsQuery, ReflectionsQueryVariables>;
export const SupportMessagesDocument = new TypedDocumentString(`
    query SupportMessages($filter: SupportMessageFilter, $first: Int, $after: String) {
  supportMessages(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SupportMessageFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment SupportMessageFields on SupportMessage {
  id
  sender
  subject
  content
  readAt
  createdAt
}`, {"hash":"19bbef62f602b5ec919f778061eaa4ab17f9f1cca04f60b0adc757f7ac40a305"}) as unknown as TypedDocumentString<SupportMessagesQuery, SupportMessagesQueryVariables>;
export const ReminderSettingDocument = new TypedDocumentString(`
    query ReminderSetting {
  reminderSetting {
    ...ReminderSettingFields
  }
}
    fragment ReminderSettingFields on ReminderSetting {
  id
  time
  timezone
  isActive
  lastSentOn
  updatedAt
}`, {"hash":"43c54887cdae77f1fd99f85be43b3efd1045d7185a73639649215a4ad8ac3a78"}) as unknown as TypedDocumentString<ReminderSettingQuery, ReminderSettingQueryVariables>;
export const WriteReflectionDocument = new TypedDocumentString(`
    mutation WriteReflection($input: WriteReflectionInput!) {
  writeReflection(input: $input) {
    reflection {
      ...ReflectionFields
    }
    created
  }
}
    fragment ReflectionFields on Reflection {
  id
  date
  type
  content
  createdAt
  updatedAt
}`, {"hash":"a7f87f06b1b9eaf5add7a8f66e44320ba47889fd40c8ca5d0eac550cfb7a6212"}) as unknown as TypedDocumentString<WriteReflectionMutation, WriteReflectionMutationVariables>;
export const DeleteReflectionDocument = new TypedDocumentString(`
    mutation DeleteReflection($input: DeleteReflectionInput!) {
  deleteReflection(input: $input) {
    deletedReflectionId
  }
}
    `, {"hash":"7647261850caa5ed0539c93c4540571dab580ffc313db01b285deabf46ab2d2f"}) as unknown as TypedDocumentString<DeleteReflectionMutation, DeleteReflectionMutationVariables>;
export const SendSupportMessageDocument = new TypedDocumentString(`
    mutation SendSupportMessage($input: SendSupportMessageInput!) {
  sendSupportMessage(input: $input) {
    message {
      ...SupportMessageFields
    }
  }
}
    fragment SupportMessageFields on SupportMessage {
  id
  sender
  subject
  content
  readAt
  createdAt
}`, {"hash":"f96a625cf1388be729c1acd4d6ee56bf7f442ef8a3b48c9501e3ae344f0a23fc"}) as unknown as TypedDocumentString<SendSupportMessageMutation, SendSupportMessageMutationVariables>;
export const MarkMessageReadDocument = new TypedDocumentString(`
    mutation MarkMessageRead($input: MarkMessageReadInput!) {
  markMessageRead(input: $input) {
    message {
      ...SupportMessageFields
    }
    me {
      id
      unreadSupportMessageCount
    }
  }
}
    fragment SupportMessageFields on SupportMessage {
  id
  sender
  subject
  content
  readAt
  createdAt
}`, {"hash":"80c8fd11965ba637f9bec8fccd5ff268464c7ec7939bf50d224a2fec33d2354c"}) as unknown as TypedDocumentString<MarkMessageReadMutation, MarkMessageReadMutationVariables>;
export const SetReminderDocument = new TypedDocumentString(`
    mutation SetReminder($input: SetReminderInput!) {
  setReminder(input: $input) {
    reminderSetting {
      ...ReminderSettingFields
    }
  }
}
    fragment ReminderSettingFields on ReminderSetting {
  id
  time
  timezone
  isActive
  lastSentOn
  updatedAt
}`, {"hash":"8191d81b3222e54e837af8d5404708969d5a2173689b0e579c80d8fbeb17a4d1"}) as unknown as TypedDocumentString<SetReminderMutation, SetReminderMutationVariables>;
export const DisableReminderDocument = new TypedDocumentString(`
    mutation DisableReminder($input: DisableReminderInput!) {
  disableReminder(input: $input) {
    reminderSetting {
      ...ReminderSettingFields
    }
  }
}
    fragment ReminderSettingFields on ReminderSetting {
  id
  time
  timezone
  isActive
  lastSentOn
  updatedAt
}`, {"hash":"2fbd4df1495697bc0f4833765bbf096da3d7e426210197165366d457e576157f"}) as unknown as TypedDocumentString<DisableReminderMutation, DisableReminderMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $kinds: [SearchKind!], $ownerId: ID, $first: Int, $after: String) {
  search(
    query: $query
    kinds: $kinds
    ownerId: $ownerId
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        kind
        rank
        snippet {
          text
          highlights {
            start
            length
          }
        }
        ... on EntrySearchResult {
          entry {
            ...EntryFields
          }
        }
        ... on DeedSearchResult {
          deed {
            ...DeedFields
          }
        }
        ... on DeedItemSearchResult {
          deedItem {
            ...DeedItemFields
          }
        }
        ... on ReflectionSearchResult {
          reflection {
            id
            date
            type
            content
            createdAt
            updatedAt
          }
        }
        ... on SupportMessageSearchResult {
          message {
            id
            sender
            subject
            content
            readAt
            createdAt
          }
        }
      }
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment ScaleFields on Scale {
  id
  version
  name
  isActive
  values {
    ...ScaleValueFields
  }
  createdAt
}
fragment DeedFields on Deed {
  id
  owner {
    ...UserProfileFields
  }
  name
  description
  category
  measureType
  isActive
  displayOrder
  activeScale {
    ...ScaleFields
  }
  createdAt
  updatedAt
  deletedAt
}
fragment DeedItemFields on DeedItem {
  id
  deed {
    id
  }
  name
  description
  displayOrder
  level
  parent {
    id
  }
  hasChildren
  myAccess
  createdAt
  updatedAt
  deletedAt
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}`, {"hash":"31c468628a93ededda9b248516eda8f12dd281015c8ad4816278cb22a7767758"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const RelationsDocument = new TypedDocumentString(`
    query Relations($filter: RelationFilter, $first: Int, $after: String) {
  relations(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...RelationFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}`, {"hash":"78faaae398995ec3b6c35f6f2df9cc9624ba9bae511773082bb8ee0e2cd91eda"}) as unknown as TypedDocumentString<RelationsQuery, RelationsQueryVariables>;
export const RelationDocument = new TypedDocumentString(`
    query Relation($id: ID!) {
  relation(id: $id) {
    ...RelationFields
    permissions {
      ...PermissionFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"db45241b9a3de2a14cc103f31875d0102e5fa821ddcb5818679783307b2f8a5d"}) as unknown as TypedDocumentString<RelationQuery, RelationQueryVariables>;
export const PermissionsGrantedByMeDocument = new TypedDocumentString(`
    query PermissionsGrantedByMe($filter: PermissionFilter, $first: Int, $after: String) {
  permissionsGrantedByMe(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...PermissionFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"4afc329448751ed68ee10abeabdb661c380aed6567277204b51c2602ad088d9c"}) as unknown as TypedDocumentString<PermissionsGrantedByMeQuery, PermissionsGrantedByMeQueryVariables>;
export const PermissionsGrantedToMeDocument = new TypedDocumentString(`
    query PermissionsGrantedToMe($filter: PermissionFilter, $first: Int, $after: String) {
  permissionsGrantedToMe(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...PermissionFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"fb0922cbf35d2e73ebf76c2bfd8705b5bf52ebaab3ed837f74c7b9bae6e0710c"}) as unknown as TypedDocumentString<PermissionsGrantedToMeQuery, PermissionsGrantedToMeQueryVariables>;
export const SendConnectionRequestDocument = new TypedDocumentString(`
    mutation SendConnectionRequest($input: SendConnectionRequestInput!) {
  sendConnectionRequest(input: $input) {
    relation {
      ...RelationFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}`, {"hash":"cd6d62e7863ca90b64ee7761c1baa56db6734503a8046c289772c8ef5cc6af8c"}) as unknown as TypedDocumentString<SendConnectionRequestMutation, SendConnectionRequestMutationVariables>;
export const RespondToConnectionRequestDocument = new TypedDocumentString(`
    mutation RespondToConnectionRequest($input: RespondToConnectionRequestInput!) {
  respondToConnectionRequest(input: $input) {
    relation {
      ...RelationFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}`, {"hash":"97101be31cfa11189d01b11d9afeba2e6f702c799ca3c09e8bfbf2bd524f5bbd"}) as unknown as TypedDocumentString<RespondToConnectionRequestMutation, RespondToConnectionRequestMutationVariables>;
export const BlockUserDocument = new TypedDocumentString(`
    mutation BlockUser($input: BlockUserInput!) {
  blockUser(input: $input) {
    relation {
      ...RelationFields
    }
    removedRelationIds
    revokedPermissions {
      ...PermissionFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment RelationFields on Relation {
  id
  requester {
    ...UserProfileFields
  }
  requestee {
    ...UserProfileFields
  }
  status
  direction
  createdAt
  respondedAt
  updatedAt
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"f3e1f0770a92064d527ce5fe2e24540b4c878bc048f3db65c8accbe6c8f6bfac"}) as unknown as TypedDocumentString<BlockUserMutation, BlockUserMutationVariables>;
export const RemoveConnectionDocument = new TypedDocumentString(`
    mutation RemoveConnection($input: RemoveConnectionInput!) {
  removeConnection(input: $input) {
    removedRelationId
    revokedPermissions {
      ...PermissionFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"f1909576de6e4e1a7ac49df5e5cf7d286eace404826a4b7c5874a9ecaf572389"}) as unknown as TypedDocumentString<RemoveConnectionMutation, RemoveConnectionMutationVariables>;
export const GrantPermissionDocument = new TypedDocumentString(`
    mutation GrantPermission($input: GrantPermissionInput!) {
  grantPermission(input: $input) {
    permission {
      ...PermissionFields
    }
    supersededPermission {
      ...PermissionFields
    }
    relation {
      id
      updatedAt
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"13f48e9b2507e24bac38d10b257a81baa846d198b4319e4ed7767b362098127f"}) as unknown as TypedDocumentString<GrantPermissionMutation, GrantPermissionMutationVariables>;
export const RevokePermissionDocument = new TypedDocumentString(`
    mutation RevokePermission($input: RevokePermissionInput!) {
  revokePermission(input: $input) {
    permission {
      ...PermissionFields
    }
    relation {
      id
      updatedAt
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment PermissionFields on Permission {
  id
  relation {
    id
  }
  grantor {
    ...UserProfileFields
  }
  grantee {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
    }
  }
  type
  version
  isActive
  grantedAt
  revokedAt
}`, {"hash":"3fc45423fcf011a3f5f1e0c118296f3302fa8b623760ad3d0ba292493ecbf5bb"}) as unknown as TypedDocumentString<RevokePermissionMutation, RevokePermissionMutationVariables>;
export const OnEntryRecordedDocument = new TypedDocumentString(`
    subscription OnEntryRecorded($ownerId: ID) {
  entryRecorded(ownerId: $ownerId) {
    ...EntryChangeFields
    entry {
      ...EntryFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment ScaleValueFields on ScaleValue {
  id
  label
  order
  description
}
fragment EntryFields on Entry {
  id
  owner {
    ...UserProfileFields
  }
  createdBy {
    ...UserProfileFields
  }
  deedItem {
    id
    name
    deed {
      id
      name
      category
      measureType
    }
  }
  entryDate
  scale {
    id
    version
  }
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
  createdAt
  updatedAt
  deletedAt
}
fragment EntrySnapshotFields on EntrySnapshot {
  scaleValue {
    ...ScaleValueFields
  }
  count
  notes
}
fragment EntryChangeFields on EntryChange {
  id
  entry {
    id
  }
  action
  changedBy {
    ...UserProfileFields
  }
  changedAt
  before {
    ...EntrySnapshotFields
  }
  after {
    ...EntrySnapshotFields
  }
}`, {"hash":"42092a58d8ed01b309fa4e4977e4e90c0a8c81c9345a9719016680a616c0ef51"}) as unknown as TypedDocumentString<OnEntryRecordedSubscription, OnEntryRecordedSubscriptionVariables>;
export const OnMeritCompletedDocument = new TypedDocumentString(`
    subscription OnMeritCompleted {
  meritCompleted {
    ...AffectedMeritFields
    name
    deed {
      id
      name
    }
  }
}
    fragment GoalProgressFields on GoalProgress {
  complete
  completedItemCount
  itemCount
  percent
}
fragment AffectedMeritFields on Merit {
  id
  status
  completedAt
  progress {
    ...GoalProgressFields
  }
}`, {"hash":"e5fd3ef77e9ab46ae66bc245bb47c849d7ecf43599e7a2cbd04f63734304035c"}) as unknown as TypedDocumentString<OnMeritCompletedSubscription, OnMeritCompletedSubscriptionVariables>;
export const OnSupportMessageReceivedDocument = new TypedDocumentString(`
    subscription OnSupportMessageReceived {
  supportMessageReceived {
    id
    sender
    subject
    content
    readAt
    createdAt
  }
}
    `, {"hash":"52d7c73246c85dba065d15b13ebc64b3b9d6da3326ee5168df625a01b4759360"}) as unknown as TypedDocumentString<OnSupportMessageReceivedSubscription, OnSupportMessageReceivedSubscriptionVariables>;
export const SupportInboxDocument = new TypedDocumentString(`
    query SupportInbox($filter: SupportInboxFilter, $first: Int, $after: String) {
  supportInbox(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SupportThreadFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}`, {"hash":"3ca7d7426fcb5d71392d5bb8607abfb20938694ac6524c00aa56d6629ab82d39"}) as unknown as TypedDocumentString<SupportInboxQuery, SupportInboxQueryVariables>;
export const SupportThreadDocument = new TypedDocumentString(`
    query SupportThread($id: ID!, $first: Int, $after: String) {
  supportThread(id: $id) {
    ...SupportThreadFields
    messages(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          sender
          subject
          content
          readAt
          createdAt
        }
      }
      pageInfo {
        ...PageInfoFields
      }
      totalCount
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}`, {"hash":"5cd9db02ee89bc10cb8ed15d2e78826e05e897665271973a92f914921053b0d4"}) as unknown as TypedDocumentString<SupportThreadQuery, SupportThreadQueryVariables>;
export const ReplyToSupportMessageDocument = new TypedDocumentString(`
    mutation ReplyToSupportMessage($input: ReplyToSupportMessageInput!) {
  replyToSupportMessage(input: $input) {
    message {
      id
      sender
      subject
      content
      readAt
      createdAt
    }
    thread {
      ...SupportThreadFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}`, {"hash":"493aa81ac58c6bf09b7531d7b29fbe3d33d88686e47642d84b091708526d12bb"}) as unknown as TypedDocumentString<ReplyToSupportMessageMutation, ReplyToSupportMessageMutationVariables>;
export const ResolveSupportThreadDocument = new TypedDocumentString(`
    mutation ResolveSupportThread($input: SupportThreadInput!) {
  resolveSupportThread(input: $input) {
    thread {
      ...SupportThreadFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}`, {"hash":"d764bc20376ef96fbf32a3639c0fd3d3b573bb9748a97a3a9f4e1359f800ee9c"}) as unknown as TypedDocumentString<ResolveSupportThreadMutation, ResolveSupportThreadMutationVariables>;
export const ReopenSupportThreadDocument = new TypedDocumentString(`
    mutation ReopenSupportThread($input: SupportThreadInput!) {
  reopenSupportThread(input: $input) {
    thread {
      ...SupportThreadFields
    }
  }
}
    fragment UserProfileFields on UserProfile {
  id
  fullName
  timezone
}
fragment SupportThreadFields on SupportThread {
  id
  user {
    ...UserProfileFields
  }
  status
  resolvedAt
  lastMessageAt
  unreadCount
}`, {"hash":"cc7c5efb27f9f04356fe1b1b31bdb07e3d89a5b0f0ce14b2518606e85def9131"}) as unknown as TypedDocumentString<ReopenSupportThreadMutation, ReopenSupportThreadMutationVariables>;