-- Account lifecycle (issue 14): deleteAccount schedules the purge of the account at
-- purge_after (deleted_at + ACCOUNT_PURGE_AFTER_DAYS); the purge job finds due accounts through
-- idx_users_purge_after. Audit retention deletes the oldest audit rows first (idx_audit_log_created).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "purge_after" TIMESTAMPTZ(6);

-- CreateIndex
CREATE INDEX "idx_audit_log_created" ON "audit_log"("created_at");

-- CreateIndex
CREATE INDEX "idx_users_purge_after" ON "users"("purge_after") WHERE (purge_after IS NOT NULL);

-- Accounts deleted before this migration get the default grace period of 30 days.
UPDATE "users" SET "purge_after" = "deleted_at" + interval '30 days' WHERE "deleted_at" IS NOT NULL AND "purge_after" IS NULL;
