-- Issue #11, photos: a stored 320-px thumbnail beside each report photo's public copy, so that lists and the map
-- send a few kilobytes a photo instead of the 1600-px copy (or a resize per request).
ALTER TABLE report_photos ADD COLUMN thumb_file_id uuid REFERENCES stored_files (id);

-- A report photo's original is kept as received, and iPhones send HEIC/HEIF. Only callers that name these types
-- (platform/files/sniff-upload.ts: not in the default list) store them; every other upload still takes PDF, JPEG, PNG.
ALTER TABLE stored_files DROP CONSTRAINT stored_files_media_type_check;
ALTER TABLE stored_files ADD CONSTRAINT stored_files_media_type_check
  CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'));
