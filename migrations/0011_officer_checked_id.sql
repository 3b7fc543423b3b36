-- An ID number from a verified source (issue #8): besides the national SSO's claim, the number an officer read
-- from the citizen's ID card (CCCD) in person, with who checked it, when and at which unit. With the verified
-- phone it links the dossiers filed for that citizen at the desk or by a volunteer. A verified number belongs to
-- one account only.
ALTER TABLE citizen_profiles
  ADD COLUMN verified_citizen_id_number text,
  ADD COLUMN citizen_id_verified_at timestamptz,
  ADD COLUMN citizen_id_verified_by uuid REFERENCES users (id),
  ADD COLUMN citizen_id_verified_unit text REFERENCES admin_units (code);

CREATE UNIQUE INDEX citizen_profiles_verified_citizen_id_idx ON citizen_profiles (verified_citizen_id_number)
  WHERE verified_citizen_id_number IS NOT NULL;

-- When an account's phone and ID number become verified, the dossiers filed earlier for that applicant and not yet
-- linked to an account are found by the applicant's ID number: a small index, only of the unlinked ones.
CREATE INDEX dossiers_unlinked_applicant_idx ON dossiers ((applicant->>'citizenIdNumber')) WHERE owner_user_id IS NULL;
