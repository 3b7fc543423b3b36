-- Issue #11: a forward to another agency has its own deadline; the assignee is reminded of it once, like the
-- report's own deadline (reports.reminded_at).
ALTER TABLE report_forwards ADD COLUMN reminded_at timestamptz;
CREATE INDEX report_forwards_due_idx ON report_forwards (due_date) WHERE returned_at IS NULL AND reminded_at IS NULL;
