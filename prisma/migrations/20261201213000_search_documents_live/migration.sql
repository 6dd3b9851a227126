-- Search documents know whether their source row is soft-deleted (`live`), so `search` tests
-- one flag instead of looking up every source row; entries without notes no longer run the
-- trigger at all (WHEN clauses), which keeps bulk inserts and the archive's deletes cheap.

ALTER TABLE "search_documents" ADD COLUMN "live" BOOLEAN NOT NULL DEFAULT true;

UPDATE search_documents sd SET live = false FROM entries e WHERE sd.kind = 'ENTRY' AND e.entry_id = sd.source_id AND e.deleted_at IS NOT NULL;
UPDATE search_documents sd SET live = false FROM deeds d WHERE sd.kind = 'DEED' AND d.deed_id = sd.source_id AND d.deleted_at IS NOT NULL;
UPDATE search_documents sd SET live = false FROM deed_items di WHERE sd.kind = 'DEED_ITEM' AND di.deed_item_id = sd.source_id AND di.deleted_at IS NOT NULL;
UPDATE search_documents sd SET live = false FROM reflection_messages r WHERE sd.kind = 'REFLECTION' AND r.reflection_message_id = sd.source_id AND r.deleted_at IS NOT NULL;
UPDATE search_documents sd SET live = false FROM messages m WHERE sd.kind = 'SUPPORT_MESSAGE' AND m.message_id = sd.source_id AND m.deleted_at IS NOT NULL;

DROP TRIGGER entries_search_document ON "entries";
DROP TRIGGER deeds_search_document ON "deeds";
DROP TRIGGER deed_items_search_document ON "deed_items";
DROP TRIGGER reflection_messages_search_document ON "reflection_messages";
DROP TRIGGER messages_search_document ON "messages";
DROP FUNCTION search_document_put(TEXT, BIGINT, BIGINT, BIGINT, TEXT, tsvector);

-- Writes (or removes, when there is no text) one document.
CREATE FUNCTION search_document_put(p_kind TEXT, p_source BIGINT, p_user BIGINT, p_item BIGINT, p_title TEXT, p_live BOOLEAN, p_vector tsvector)
RETURNS void AS $$
BEGIN
  IF p_vector IS NULL OR p_vector = ''::tsvector THEN
    DELETE FROM search_documents WHERE kind = p_kind AND source_id = p_source;
  ELSE
    INSERT INTO search_documents (kind, source_id, user_id, deed_item_id, title, live, search_vector)
    VALUES (p_kind, p_source, p_user, p_item, p_title, p_live, p_vector)
    ON CONFLICT (kind, source_id) DO UPDATE
      SET user_id = EXCLUDED.user_id, deed_item_id = EXCLUDED.deed_item_id, title = EXCLUDED.title,
          live = EXCLUDED.live, search_vector = EXCLUDED.search_vector;
  END IF;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION entries_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'ENTRY' AND source_id = OLD.entry_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('ENTRY', NEW.entry_id, NEW.user_id, NEW.deed_item_id, NULL, NEW.deleted_at IS NULL, search_text('B', NEW.notes));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION deeds_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'DEED' AND source_id = OLD.deed_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('DEED', NEW.deed_id, NEW.user_id, NULL, NEW.name, NEW.deleted_at IS NULL,
    search_text('A', NEW.name) || search_text('B', NEW.description));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION deed_items_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'DEED_ITEM' AND source_id = OLD.deed_item_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('DEED_ITEM', NEW.deed_item_id, (SELECT user_id FROM deeds WHERE deed_id = NEW.deed_id),
    NEW.deed_item_id, NEW.name, NEW.deleted_at IS NULL, search_text('A', NEW.name) || search_text('B', NEW.description));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reflection_messages_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'REFLECTION' AND source_id = OLD.reflection_message_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('REFLECTION', NEW.reflection_message_id, NEW.user_id, NULL, NULL, NEW.deleted_at IS NULL,
    search_text('B', NEW.content));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION messages_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'SUPPORT_MESSAGE' AND source_id = OLD.message_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('SUPPORT_MESSAGE', NEW.message_id, NEW.user_id, NULL, NULL, NEW.deleted_at IS NULL,
    search_text('A', NEW.subject) || search_text('B', NEW.content));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER entries_search_document_insert AFTER INSERT ON "entries"
  FOR EACH ROW WHEN (NEW.notes IS NOT NULL) EXECUTE FUNCTION entries_search_document();
CREATE TRIGGER entries_search_document_update AFTER UPDATE OF notes, deleted_at ON "entries"
  FOR EACH ROW WHEN (OLD.notes IS DISTINCT FROM NEW.notes OR (NEW.notes IS NOT NULL AND OLD.deleted_at IS DISTINCT FROM NEW.deleted_at))
  EXECUTE FUNCTION entries_search_document();
CREATE TRIGGER entries_search_document_delete AFTER DELETE ON "entries"
  FOR EACH ROW WHEN (OLD.notes IS NOT NULL) EXECUTE FUNCTION entries_search_document();
CREATE TRIGGER deeds_search_document AFTER INSERT OR DELETE OR UPDATE OF name, description, deleted_at ON "deeds"
  FOR EACH ROW EXECUTE FUNCTION deeds_search_document();
CREATE TRIGGER deed_items_search_document AFTER INSERT OR DELETE OR UPDATE OF name, description, deleted_at ON "deed_items"
  FOR EACH ROW EXECUTE FUNCTION deed_items_search_document();
CREATE TRIGGER reflection_messages_search_document AFTER INSERT OR DELETE OR UPDATE OF content, deleted_at ON "reflection_messages"
  FOR EACH ROW EXECUTE FUNCTION reflection_messages_search_document();
CREATE TRIGGER messages_search_document AFTER INSERT OR DELETE OR UPDATE OF subject, content, deleted_at ON "messages"
  FOR EACH ROW EXECUTE FUNCTION messages_search_document();
