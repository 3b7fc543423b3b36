-- Officers search a commune's dossiers by the applicant's name typed without diacritics ("nguyen van an" finds
-- "Nguyễn Văn An", issue #9). The server has no unaccent extension, so the folding is a plain SQL function, the same
-- rule as platform/text/search-key.ts (Vietnamese letters to ASCII, lower case, anything else a space), kept in a
-- generated column with a trigram index; the phone and ID number get plain indexes for exact look-ups.
CREATE FUNCTION dossier_search_fold(s text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT trim(regexp_replace(lower(translate(normalize(s, NFC),
      'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
      'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[^a-z0-9]+', ' ', 'g'))
  $$;

ALTER TABLE dossiers ADD COLUMN applicant_search text GENERATED ALWAYS AS (dossier_search_fold(applicant_name)) STORED;

CREATE INDEX dossiers_applicant_search_idx ON dossiers USING gin (applicant_search gin_trgm_ops);
CREATE INDEX dossiers_applicant_phone_idx ON dossiers ((applicant->>'phone'));
CREATE INDEX dossiers_applicant_id_number_idx ON dossiers ((applicant->>'citizenIdNumber'));
