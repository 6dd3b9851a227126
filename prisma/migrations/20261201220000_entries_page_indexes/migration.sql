-- The entries list (src/modules/entries/entry-list.ts) reads a page's keys in date order from
-- one index without touching the table, and finds what the owner has hidden by starting from
-- deleted deeds and items instead of walking every live item. The new entries index has the
-- old idx_entries_live_user_date as its prefix, so it serves that index's readers too.

-- DropIndex
DROP INDEX "idx_entries_live_user_date";

-- CreateIndex
CREATE INDEX "idx_deed_items_deleted_deed_id" ON "deed_items"("deed_id") WHERE (deleted_at IS NOT NULL);

-- CreateIndex
CREATE INDEX "idx_deeds_deleted_user_id" ON "deeds"("user_id") WHERE (deleted_at IS NOT NULL);

-- CreateIndex
CREATE INDEX "idx_entries_live_user_page" ON "entries"("user_id", "entry_date", "entry_id", "deed_item_id") WHERE (deleted_at IS NULL);
