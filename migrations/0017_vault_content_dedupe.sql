-- A citizen's vault holds each document once (issue #9): items are keyed by their file's content (SHA-256, as the
-- file store computed it), so the same scan uploaded to three dossiers, or a result also uploaded by hand, is one
-- item. Earlier duplicates are folded into the oldest item; their files stay (dossiers may link them).
ALTER TABLE vault_items ADD COLUMN content_sha256 text;

UPDATE vault_items v SET content_sha256 = f.sha256 FROM stored_files f WHERE f.id = v.file_id;

DELETE FROM vault_items v
  USING vault_items w
  WHERE v.user_id = w.user_id
    AND v.content_sha256 = w.content_sha256
    AND (w.created_at, w.id) < (v.created_at, v.id);

ALTER TABLE vault_items ALTER COLUMN content_sha256 SET NOT NULL;

CREATE UNIQUE INDEX vault_items_user_content_idx ON vault_items (user_id, content_sha256);
