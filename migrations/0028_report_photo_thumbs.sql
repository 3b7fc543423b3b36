-- Issue #11, photos: a stored 320-px thumbnail beside each report photo's public copy, so that lists and the map
-- send a few kilobytes a photo instead of the 1600-px copy (or a resize per request).
ALTER TABLE report_photos ADD COLUMN thumb_file_id uuid REFERENCES stored_files (id);
