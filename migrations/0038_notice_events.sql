-- Issue #12, notices' authoring: the history of a notice shown on its office page (who drafted, sent for review,
-- approved, sent back, published without review, withdrew; with the note). The audit log keeps the same facts
-- hashed; this table is the notices module's own, readable without reading the platform's audit.
CREATE TABLE notice_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notice_id  uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('created', 'edited', 'submitted', 'sent_back', 'approved', 'scheduled',
                                            'published_without_review', 'withdrawn', 'correction_created')),
  actor_id   uuid REFERENCES users (id),
  note       text,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_events_notice_idx ON notice_events (notice_id, at);
