-- CreateEnum
CREATE TYPE "deed_category_type" AS ENUM ('HASANAAT', 'SAIYYIAAT');

-- CreateEnum
CREATE TYPE "measure_type_enum" AS ENUM ('SCALE', 'COUNT');

-- CreateEnum
CREATE TYPE "relation_status_enum" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "permission_type_enum" AS ENUM ('READ', 'WRITE');

-- CreateEnum
CREATE TYPE "completion_logic_enum" AS ENUM ('ALL', 'ANY');

-- CreateEnum
CREATE TYPE "entry_change_action_enum" AS ENUM ('CREATED', 'UPDATED', 'DELETED', 'RESTORED');

-- CreateEnum
CREATE TYPE "reflection_type_enum" AS ENUM ('DAILY', 'GRATITUDE', 'INTENTION', 'IMPROVEMENT');

-- CreateEnum
CREATE TYPE "message_sender_enum" AS ENUM ('USER', 'SUPPORT');

-- CreateEnum
CREATE TYPE "theme_enum" AS ENUM ('SYSTEM', 'LIGHT', 'DARK');

-- CreateEnum
CREATE TYPE "weekday_enum" AS ENUM ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

-- CreateTable
CREATE TABLE "users" (
    "user_id" BIGSERIAL NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "full_name" VARCHAR(255) NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "email_verified_at" TIMESTAMPTZ(6),
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "locale" VARCHAR(35) NOT NULL DEFAULT 'en',
    "theme" "theme_enum" NOT NULL DEFAULT 'SYSTEM',
    "week_starts_on" "weekday_enum" NOT NULL DEFAULT 'MONDAY',
    "default_dashboard_days" INTEGER NOT NULL DEFAULT 30,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "password_changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(6),
    "deletion_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "users_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "email_verification_tokens" (
    "email_verification_token_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "used_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_verification_tokens_pkey" PRIMARY KEY ("email_verification_token_id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "password_reset_token_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "used_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("password_reset_token_id")
);

-- CreateTable
CREATE TABLE "deeds" (
    "deed_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "category_type" "deed_category_type" NOT NULL,
    "measure_type" "measure_type_enum" NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "display_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "deeds_pkey" PRIMARY KEY ("deed_id")
);

-- CreateTable
CREATE TABLE "deed_items" (
    "deed_item_id" BIGSERIAL NOT NULL,
    "deed_id" BIGINT NOT NULL,
    "parent_deed_item_id" BIGINT,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "level" INTEGER NOT NULL DEFAULT 1,
    "display_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "deed_items_pkey" PRIMARY KEY ("deed_item_id")
);

-- CreateTable
CREATE TABLE "scales" (
    "scale_id" BIGSERIAL NOT NULL,
    "deed_id" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" VARCHAR(255),
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scales_pkey" PRIMARY KEY ("scale_id")
);

-- CreateTable
CREATE TABLE "scale_values" (
    "scale_value_id" BIGSERIAL NOT NULL,
    "scale_id" BIGINT NOT NULL,
    "value_name" VARCHAR(255) NOT NULL,
    "value_order" INTEGER NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scale_values_pkey" PRIMARY KEY ("scale_value_id")
);

-- CreateTable
CREATE TABLE "entries" (
    "entry_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "created_by_user_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT NOT NULL,
    "entry_date" DATE NOT NULL,
    "scale_id" BIGINT,
    "scale_value_id" BIGINT,
    "count_value" DECIMAL(10,2),
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "entries_pkey" PRIMARY KEY ("entry_id")
);

-- CreateTable
CREATE TABLE "entry_history" (
    "entry_history_id" BIGSERIAL NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "action" "entry_change_action_enum" NOT NULL,
    "changed_by_user_id" BIGINT NOT NULL,
    "changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "old_scale_value_id" BIGINT,
    "old_count_value" DECIMAL(10,2),
    "old_notes" TEXT,
    "new_scale_value_id" BIGINT,
    "new_count_value" DECIMAL(10,2),
    "new_notes" TEXT,

    CONSTRAINT "entry_history_pkey" PRIMARY KEY ("entry_history_id")
);

-- CreateTable
CREATE TABLE "relations" (
    "relation_id" BIGSERIAL NOT NULL,
    "requester_id" BIGINT NOT NULL,
    "requestee_id" BIGINT NOT NULL,
    "status" "relation_status_enum" NOT NULL DEFAULT 'PENDING',
    "responded_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "relations_pkey" PRIMARY KEY ("relation_id")
);

-- CreateTable
CREATE TABLE "permissions" (
    "permission_id" BIGSERIAL NOT NULL,
    "relation_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT NOT NULL,
    "permission_type" "permission_type_enum" NOT NULL,
    "version" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "granted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permissions_pkey" PRIMARY KEY ("permission_id")
);

-- CreateTable
CREATE TABLE "merits" (
    "merit_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "deed_id" BIGINT NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "completion_logic" "completion_logic_enum" NOT NULL DEFAULT 'ALL',
    "start_date" DATE NOT NULL,
    "duration_days" INTEGER,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "completed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "merits_pkey" PRIMARY KEY ("merit_id")
);

-- CreateTable
CREATE TABLE "merit_items" (
    "merit_item_id" BIGSERIAL NOT NULL,
    "merit_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT NOT NULL,
    "scale_value_id" BIGINT,
    "required_amount" DECIMAL(10,2) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merit_items_pkey" PRIMARY KEY ("merit_item_id")
);

-- CreateTable
CREATE TABLE "targets" (
    "target_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "completion_logic" "completion_logic_enum" NOT NULL DEFAULT 'ALL',
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "completed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "targets_pkey" PRIMARY KEY ("target_id")
);

-- CreateTable
CREATE TABLE "target_items" (
    "target_item_id" BIGSERIAL NOT NULL,
    "target_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT NOT NULL,
    "scale_value_id" BIGINT,
    "required_amount" DECIMAL(10,2) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_items_pkey" PRIMARY KEY ("target_item_id")
);

-- CreateTable
CREATE TABLE "reflection_messages" (
    "reflection_message_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "reflection_date" DATE NOT NULL,
    "reflection_type" "reflection_type_enum" NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "reflection_messages_pkey" PRIMARY KEY ("reflection_message_id")
);

-- CreateTable
CREATE TABLE "messages" (
    "message_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "sender" "message_sender_enum" NOT NULL,
    "subject" VARCHAR(255),
    "content" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "messages_pkey" PRIMARY KEY ("message_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "notification_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "notification_time" TIME(0) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_on" DATE,
    "last_sent_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("notification_id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "audit_log_id" BIGSERIAL NOT NULL,
    "user_id" BIGINT,
    "subject_user_id" BIGINT,
    "action_type" VARCHAR(64) NOT NULL,
    "table_name" VARCHAR(64) NOT NULL,
    "record_id" BIGINT,
    "old_values" JSONB,
    "new_values" JSONB,
    "ip_address" INET,
    "user_agent" TEXT,
    "request_id" VARCHAR(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("audit_log_id")
);

-- CreateIndex
CREATE INDEX "idx_users_active" ON "users"("is_active") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "uq_users_email_live" ON "users"("email") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "email_verification_tokens_token_hash_key" ON "email_verification_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "idx_email_verification_tokens_user_id" ON "email_verification_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "idx_password_reset_tokens_user_id" ON "password_reset_tokens"("user_id");

-- CreateIndex
CREATE INDEX "idx_deeds_user_id" ON "deeds"("user_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_deeds_active" ON "deeds"("is_active", "user_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_deed_items_deed_id" ON "deed_items"("deed_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_deed_items_level" ON "deed_items"("deed_id", "level", "display_order") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_deed_items_parent_id" ON "deed_items"("parent_deed_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "uq_scales_deed_version" ON "scales"("deed_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "uq_scales_one_active_per_deed" ON "scales"("deed_id") WHERE (is_active);

-- CreateIndex
CREATE UNIQUE INDEX "uq_scale_values_scale_order" ON "scale_values"("scale_id", "value_order");

-- CreateIndex
CREATE INDEX "idx_entries_user_date" ON "entries"("user_id", "entry_date" DESC);

-- CreateIndex
CREATE INDEX "idx_entries_user_id" ON "entries"("user_id");

-- CreateIndex
CREATE INDEX "idx_entries_deed_item_id" ON "entries"("deed_item_id");

-- CreateIndex
CREATE INDEX "idx_entries_created_by_user_id" ON "entries"("created_by_user_id");

-- CreateIndex
CREATE INDEX "idx_entries_scale_id" ON "entries"("scale_id");

-- CreateIndex
CREATE INDEX "idx_entries_scale_value_id" ON "entries"("scale_value_id");

-- CreateIndex
CREATE INDEX "idx_entries_live_user_date" ON "entries"("user_id", "entry_date") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "unique_user_deed_item_date" ON "entries"("user_id", "deed_item_id", "entry_date");

-- CreateIndex
CREATE INDEX "idx_entry_history_entry_changed" ON "entry_history"("entry_id", "changed_at" DESC);

-- CreateIndex
CREATE INDEX "idx_entry_history_changed_by" ON "entry_history"("changed_by_user_id");

-- CreateIndex
CREATE INDEX "idx_entry_history_old_scale_value_id" ON "entry_history"("old_scale_value_id");

-- CreateIndex
CREATE INDEX "idx_entry_history_new_scale_value_id" ON "entry_history"("new_scale_value_id");

-- CreateIndex
CREATE INDEX "idx_relations_requestee_id" ON "relations"("requestee_id");

-- CreateIndex
CREATE INDEX "idx_relations_accepted" ON "relations"("requester_id", "requestee_id") WHERE (status = 'ACCEPTED');

-- CreateIndex
CREATE UNIQUE INDEX "uq_relations_live_pair" ON "relations"("requester_id", "requestee_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_permissions_relation_deed" ON "permissions"("relation_id", "deed_item_id", "is_active");

-- CreateIndex
CREATE INDEX "idx_permissions_deed_item_id" ON "permissions"("deed_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "uq_permissions_version" ON "permissions"("relation_id", "deed_item_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "uq_permissions_one_active" ON "permissions"("relation_id", "deed_item_id") WHERE (is_active);

-- CreateIndex
CREATE INDEX "idx_merits_user_id" ON "merits"("user_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_merits_deed_id" ON "merits"("deed_id");

-- CreateIndex
CREATE INDEX "idx_merit_items_merit_id" ON "merit_items"("merit_id");

-- CreateIndex
CREATE INDEX "idx_merit_items_deed_item_id" ON "merit_items"("deed_item_id");

-- CreateIndex
CREATE INDEX "idx_merit_items_scale_value_id" ON "merit_items"("scale_value_id");

-- CreateIndex
CREATE INDEX "idx_targets_user_id" ON "targets"("user_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "idx_target_items_target_id" ON "target_items"("target_id");

-- CreateIndex
CREATE INDEX "idx_target_items_deed_item_id" ON "target_items"("deed_item_id");

-- CreateIndex
CREATE INDEX "idx_target_items_scale_value_id" ON "target_items"("scale_value_id");

-- CreateIndex
CREATE UNIQUE INDEX "uq_reflection_messages_user_date_type" ON "reflection_messages"("user_id", "reflection_date", "reflection_type");

-- CreateIndex
CREATE INDEX "idx_messages_user_created" ON "messages"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_notifications_user_id" ON "notifications"("user_id");

-- CreateIndex
CREATE INDEX "idx_notifications_time" ON "notifications"("notification_time") WHERE (is_active);

-- CreateIndex
CREATE UNIQUE INDEX "uq_notifications_one_active_per_user" ON "notifications"("user_id") WHERE (is_active);

-- CreateIndex
CREATE INDEX "idx_audit_log_user_created" ON "audit_log"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_audit_log_subject_created" ON "audit_log"("subject_user_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deeds" ADD CONSTRAINT "deeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deed_items" ADD CONSTRAINT "deed_items_deed_id_fkey" FOREIGN KEY ("deed_id") REFERENCES "deeds"("deed_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deed_items" ADD CONSTRAINT "deed_items_parent_deed_item_id_fkey" FOREIGN KEY ("parent_deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scales" ADD CONSTRAINT "scales_deed_id_fkey" FOREIGN KEY ("deed_id") REFERENCES "deeds"("deed_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scale_values" ADD CONSTRAINT "scale_values_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "scales"("scale_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_deed_item_id_fkey" FOREIGN KEY ("deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "scales"("scale_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_scale_value_id_fkey" FOREIGN KEY ("scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("entry_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_changed_by_user_id_fkey" FOREIGN KEY ("changed_by_user_id") REFERENCES "users"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_old_scale_value_id_fkey" FOREIGN KEY ("old_scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_new_scale_value_id_fkey" FOREIGN KEY ("new_scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relations" ADD CONSTRAINT "relations_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relations" ADD CONSTRAINT "relations_requestee_id_fkey" FOREIGN KEY ("requestee_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_relation_id_fkey" FOREIGN KEY ("relation_id") REFERENCES "relations"("relation_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_deed_item_id_fkey" FOREIGN KEY ("deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merits" ADD CONSTRAINT "merits_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merits" ADD CONSTRAINT "merits_deed_id_fkey" FOREIGN KEY ("deed_id") REFERENCES "deeds"("deed_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merit_items" ADD CONSTRAINT "merit_items_merit_id_fkey" FOREIGN KEY ("merit_id") REFERENCES "merits"("merit_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merit_items" ADD CONSTRAINT "merit_items_deed_item_id_fkey" FOREIGN KEY ("deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merit_items" ADD CONSTRAINT "merit_items_scale_value_id_fkey" FOREIGN KEY ("scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_items" ADD CONSTRAINT "target_items_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "targets"("target_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_items" ADD CONSTRAINT "target_items_deed_item_id_fkey" FOREIGN KEY ("deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_items" ADD CONSTRAINT "target_items_scale_value_id_fkey" FOREIGN KEY ("scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reflection_messages" ADD CONSTRAINT "reflection_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_user_id_fkey" FOREIGN KEY ("subject_user_id") REFERENCES "users"("user_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ───────────── Rules Prisma's schema language cannot say (seed "Constraint Strategy") ─────────────

-- Hierarchy: a root is level 1; a child is deeper, at most level 10.
ALTER TABLE "deed_items" ADD CONSTRAINT "chk_deed_items_level" CHECK (
  ("parent_deed_item_id" IS NULL AND "level" = 1)
  OR ("parent_deed_item_id" IS NOT NULL AND "level" > 1 AND "level" <= 10)
);

-- An entry holds exactly one value: a scale value or a count.
ALTER TABLE "entries" ADD CONSTRAINT "chk_entries_exactly_one_value" CHECK (
  ("scale_value_id" IS NULL) <> ("count_value" IS NULL)
);
ALTER TABLE "entries" ADD CONSTRAINT "chk_entries_count_non_negative" CHECK ("count_value" IS NULL OR "count_value" >= 0);

ALTER TABLE "relations" ADD CONSTRAINT "chk_relations_not_self" CHECK ("requester_id" <> "requestee_id");

ALTER TABLE "targets" ADD CONSTRAINT "chk_targets_date_range" CHECK ("end_date" >= "start_date");
ALTER TABLE "merits" ADD CONSTRAINT "chk_merits_duration_positive" CHECK ("duration_days" IS NULL OR "duration_days" > 0);

ALTER TABLE "merit_items" ADD CONSTRAINT "chk_merit_items_required_positive" CHECK ("required_amount" > 0);
ALTER TABLE "target_items" ADD CONSTRAINT "chk_target_items_required_positive" CHECK ("required_amount" > 0);
