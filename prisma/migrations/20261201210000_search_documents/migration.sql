-- Full-text search (issue 12): one search_documents row per searchable text, kept up to date
-- by triggers on the source tables, with a GIN index over its tsvector.
--
-- Languages: notes are English, Arabic or Urdu, so the configuration is language-agnostic:
-- `kitaab_search` is a copy of `simple` (lower-case, no stemming, no stop words) that also
-- strips accents when the unaccent extension can be created. pg_trgm (fuzzy matching of
-- deed and item names) is created when available; the server checks for it at run time.
-- Embedded PGlite ships neither extension unless its bundles are loaded, so there the
-- configuration is plain `simple` and fuzzy matching is off (README, "Search").

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'unaccent not created (%): search keeps accents', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm not created (%): no fuzzy name matching', SQLERRM;
    END;
  END IF;
END $$;

CREATE TEXT SEARCH CONFIGURATION kitaab_search (COPY = pg_catalog.simple);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION kitaab_search
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
  END IF;
END $$;

CREATE TABLE "search_documents" (
    "kind" VARCHAR(16) NOT NULL,
    "source_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "deed_item_id" BIGINT,
    "title" VARCHAR(255),
    "search_vector" tsvector NOT NULL,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("kind","source_id"),
    CONSTRAINT "search_documents_kind" CHECK ("kind" IN ('ENTRY', 'DEED', 'DEED_ITEM', 'REFLECTION', 'SUPPORT_MESSAGE'))
);

CREATE INDEX "idx_search_documents_vector" ON "search_documents" USING GIN ("search_vector");
CREATE INDEX "idx_search_documents_user" ON "search_documents"("user_id", "kind");

-- Writes (or removes, when there is no text) one document.
CREATE FUNCTION search_document_put(p_kind TEXT, p_source BIGINT, p_user BIGINT, p_item BIGINT, p_title TEXT, p_vector tsvector)
RETURNS void AS $$
BEGIN
  IF p_vector IS NULL OR p_vector = ''::tsvector THEN
    DELETE FROM search_documents WHERE kind = p_kind AND source_id = p_source;
  ELSE
    INSERT INTO search_documents (kind, source_id, user_id, deed_item_id, title, search_vector)
    VALUES (p_kind, p_source, p_user, p_item, p_title, p_vector)
    ON CONFLICT (kind, source_id) DO UPDATE
      SET user_id = EXCLUDED.user_id, deed_item_id = EXCLUDED.deed_item_id,
          title = EXCLUDED.title, search_vector = EXCLUDED.search_vector;
  END IF;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION search_text(p_weight "char", p_text TEXT) RETURNS tsvector AS $$
  SELECT setweight(to_tsvector('kitaab_search', coalesce(p_text, '')), p_weight)
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION entries_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'ENTRY' AND source_id = OLD.entry_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('ENTRY', NEW.entry_id, NEW.user_id, NEW.deed_item_id, NULL, search_text('B', NEW.notes));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION deeds_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'DEED' AND source_id = OLD.deed_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('DEED', NEW.deed_id, NEW.user_id, NULL, NEW.name,
    search_text('A', NEW.name) || search_text('B', NEW.description));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION deed_items_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'DEED_ITEM' AND source_id = OLD.deed_item_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('DEED_ITEM', NEW.deed_item_id, (SELECT user_id FROM deeds WHERE deed_id = NEW.deed_id),
    NEW.deed_item_id, NEW.name, search_text('A', NEW.name) || search_text('B', NEW.description));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION reflection_messages_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'REFLECTION' AND source_id = OLD.reflection_message_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('REFLECTION', NEW.reflection_message_id, NEW.user_id, NULL, NULL, search_text('B', NEW.content));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION messages_search_document() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'SUPPORT_MESSAGE' AND source_id = OLD.message_id;
    RETURN OLD;
  END IF;
  PERFORM search_document_put('SUPPORT_MESSAGE', NEW.message_id, NEW.user_id, NULL, NULL,
    search_text('A', NEW.subject) || search_text('B', NEW.content));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER entries_search_document AFTER INSERT OR DELETE OR UPDATE OF notes ON "entries"
  FOR EACH ROW EXECUTE FUNCTION entries_search_document();
CREATE TRIGGER deeds_search_document AFTER INSERT OR DELETE OR UPDATE OF name, description ON "deeds"
  FOR EACH ROW EXECUTE FUNCTION deeds_search_document();
CREATE TRIGGER deed_items_search_document AFTER INSERT OR DELETE OR UPDATE OF name, description ON "deed_items"
  FOR EACH ROW EXECUTE FUNCTION deed_items_search_document();
CREATE TRIGGER reflection_messages_search_document AFTER INSERT OR DELETE OR UPDATE OF content ON "reflection_messages"
  FOR EACH ROW EXECUTE FUNCTION reflection_messages_search_document();
CREATE TRIGGER messages_search_document AFTER INSERT OR DELETE OR UPDATE OF subject, content ON "messages"
  FOR EACH ROW EXECUTE FUNCTION messages_search_document();

-- Rows written before this migration.
INSERT INTO search_documents (kind, source_id, user_id, deed_item_id, title, search_vector)
SELECT 'ENTRY', entry_id, user_id, deed_item_id, NULL, search_text('B', notes) FROM entries WHERE search_text('B', notes) <> ''::tsvector
UNION ALL
SELECT 'DEED', deed_id, user_id, NULL, name, search_text('A', name) || search_text('B', description) FROM deeds
UNION ALL
SELECT 'DEED_ITEM', di.deed_item_id, d.user_id, di.deed_item_id, di.name, search_text('A', di.name) || search_text('B', di.description)
FROM deed_items di JOIN deeds d ON d.deed_id = di.deed_id
UNION ALL
SELECT 'REFLECTION', reflection_message_id, user_id, NULL, NULL, search_text('B', content) FROM reflection_messages WHERE search_text('B', content) <> ''::tsvector
UNION ALL
SELECT 'SUPPORT_MESSAGE', message_id, user_id, NULL, NULL, search_text('A', subject) || search_text('B', content) FROM messages
  WHERE search_text('A', subject) || search_text('B', content) <> ''::tsvector;
