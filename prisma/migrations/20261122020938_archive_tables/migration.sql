-- Archive tables for npm run db:archive (src/ops/archive.ts): the shape of entries and
-- entry_history, keeping their ids; history references the archived entry. See schema.prisma.

-- CreateTable
CREATE TABLE "entries_archive" (
    "entry_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "created_by_user_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT NOT NULL,
    "entry_date" DATE NOT NULL,
    "scale_id" BIGINT,
    "scale_value_id" BIGINT,
    "count_value" DECIMAL(10,2),
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "entries_archive_pkey" PRIMARY KEY ("entry_id")
);

-- CreateTable
CREATE TABLE "entry_history_archive" (
    "entry_history_id" BIGINT NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "action" "entry_change_action_enum" NOT NULL,
    "changed_by_user_id" BIGINT NOT NULL,
    "changed_at" TIMESTAMPTZ(6) NOT NULL,
    "old_scale_value_id" BIGINT,
    "old_count_value" DECIMAL(10,2),
    "old_notes" TEXT,
    "new_scale_value_id" BIGINT,
    "new_count_value" DECIMAL(10,2),
    "new_notes" TEXT,

    CONSTRAINT "entry_history_archive_pkey" PRIMARY KEY ("entry_history_id")
);

-- CreateIndex
CREATE INDEX "idx_entries_archive_user_date" ON "entries_archive"("user_id", "entry_date" DESC);

-- CreateIndex
CREATE INDEX "idx_entries_archive_deed_item_id" ON "entries_archive"("deed_item_id");

-- CreateIndex
CREATE INDEX "idx_entries_archive_created_by_user_id" ON "entries_archive"("created_by_user_id");

-- CreateIndex
CREATE INDEX "idx_entries_archive_scale_id" ON "entries_archive"("scale_id");

-- CreateIndex
CREATE INDEX "idx_entries_archive_scale_value_id" ON "entries_archive"("scale_value_id");

-- CreateIndex
CREATE INDEX "idx_entry_history_archive_entry_changed" ON "entry_history_archive"("entry_id", "changed_at" DESC);

-- CreateIndex
CREATE INDEX "idx_entry_history_archive_changed_by" ON "entry_history_archive"("changed_by_user_id");

-- CreateIndex
CREATE INDEX "idx_entry_history_archive_old_scale_value_id" ON "entry_history_archive"("old_scale_value_id");

-- CreateIndex
CREATE INDEX "idx_entry_history_archive_new_scale_value_id" ON "entry_history_archive"("new_scale_value_id");

-- AddForeignKey
ALTER TABLE "entries_archive" ADD CONSTRAINT "entries_archive_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries_archive" ADD CONSTRAINT "entries_archive_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries_archive" ADD CONSTRAINT "entries_archive_deed_item_id_fkey" FOREIGN KEY ("deed_item_id") REFERENCES "deed_items"("deed_item_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries_archive" ADD CONSTRAINT "entries_archive_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "scales"("scale_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries_archive" ADD CONSTRAINT "entries_archive_scale_value_id_fkey" FOREIGN KEY ("scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history_archive" ADD CONSTRAINT "entry_history_archive_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries_archive"("entry_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history_archive" ADD CONSTRAINT "entry_history_archive_changed_by_user_id_fkey" FOREIGN KEY ("changed_by_user_id") REFERENCES "users"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history_archive" ADD CONSTRAINT "entry_history_archive_old_scale_value_id_fkey" FOREIGN KEY ("old_scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_history_archive" ADD CONSTRAINT "entry_history_archive_new_scale_value_id_fkey" FOREIGN KEY ("new_scale_value_id") REFERENCES "scale_values"("scale_value_id") ON DELETE SET NULL ON UPDATE CASCADE;
