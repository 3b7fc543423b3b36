-- Issue #10, the registry core: why a resident was archived (died, or entered twice and merged into another).
ALTER TABLE residents
  ADD COLUMN archived_reason text CHECK (archived_reason IN ('died', 'duplicate')),
  ADD COLUMN merged_into uuid REFERENCES residents (id);
-- The office search lists a commune's residents by name, a page at a time.
CREATE INDEX residents_path_name_idx ON residents (unit_path text_pattern_ops, search_name, id) WHERE archived_at IS NULL;
