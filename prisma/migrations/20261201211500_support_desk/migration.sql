-- Support desk (issue 12): a role on users (SUPPORT accounts are made with
-- `npm run user:role`, never through the API) and one thread state row per user whose
-- support conversation was resolved or reopened. A conversation without a row is OPEN.

CREATE TYPE "user_role_enum" AS ENUM ('USER', 'SUPPORT');

ALTER TABLE "users" ADD COLUMN "role" "user_role_enum" NOT NULL DEFAULT 'USER';

CREATE TABLE "support_threads" (
    "user_id" BIGINT NOT NULL,
    "resolved_at" TIMESTAMPTZ(6),
    "resolved_by_user_id" BIGINT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_threads_pkey" PRIMARY KEY ("user_id")
);

ALTER TABLE "support_threads" ADD CONSTRAINT "support_threads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "support_threads" ADD CONSTRAINT "support_threads_resolved_by_user_id_fkey" FOREIGN KEY ("resolved_by_user_id") REFERENCES "users"("user_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The inbox's unread filter: the user's messages support has not read yet.
CREATE INDEX "idx_messages_unread_by_support" ON "messages"("user_id") WHERE sender = 'USER' AND read_at IS NULL AND deleted_at IS NULL;
