-- Verified contact details (issue #8). A phone or ID number typed in a profile only prefills forms. The number
-- proven by an SMS code (verified_phone) is the one phone sign-in opens and the one a citizen's own dossiers are
-- texted to; with an ID number from a verified source (the national SSO's claim) it links the dossiers an
-- officer or volunteer files for that citizen.
ALTER TABLE citizen_profiles ADD COLUMN verified_phone text, ADD COLUMN phone_verified_at timestamptz;

-- Typing a number no longer claims it, so typed numbers need not be unique; a verified number is.
DROP INDEX citizen_profiles_phone_idx;

-- Existing profiles. An account created by phone sign-in (username phone-<keyed hash>, no password, no SSO)
-- proved its number (users.phone) with the code that created it: that number is verified, even where the
-- profile now shows another one. Should a recycled number have created two such accounts, the one the number
-- signs in today (its profile still shows it), else the newest, keeps it. Every other profile's phone stays
-- typed only: it was never proven (or cannot be told apart from one that was). Its owner verifies it once with
-- a code from the profile page; until then a phone sign-in with that number opens a new account, not theirs.
UPDATE citizen_profiles p SET verified_phone = v.phone, phone_verified_at = v.created_at
FROM (
  SELECT DISTINCT ON (u.phone) u.id, u.phone, u.created_at
  FROM users u JOIN citizen_profiles cp ON cp.user_id = u.id
  WHERE u.kind = 'citizen' AND u.phone IS NOT NULL AND u.password_hash IS NULL AND u.oidc_issuer IS NULL
    AND u.username ~ '^phone-[0-9a-f]{12}(-[0-9a-f]{6})?$'
  ORDER BY u.phone, (cp.phone IS NOT DISTINCT FROM u.phone) DESC, u.created_at DESC
) v
WHERE p.user_id = v.id;

CREATE UNIQUE INDEX citizen_profiles_verified_phone_idx ON citizen_profiles (verified_phone) WHERE verified_phone IS NOT NULL;

-- Dossiers filed for someone (owner differs from filer) and linked under the old rule (phone and ID number as
-- typed in a profile) keep the link where the phone was proven (a verified number above) and the profile's ID
-- number is still the applicant's. A link through a phone that was only typed, which anyone could have claimed
-- by typing a neighbour's details, is dropped, with the results those dossiers put into that account's vault
-- (the vault row only: the dossier keeps its result file). The applicant still follows the dossier by its code.
-- New links need a verified phone and an ID number from a verified source (the SSO); old ones are not re-judged
-- by that, as no account could have verified both before this migration.
WITH unlinked AS (
  SELECT d.id, d.owner_user_id FROM dossiers d
  WHERE d.owner_user_id IS NOT NULL AND d.owner_user_id IS DISTINCT FROM d.filed_by_user_id
    AND NOT EXISTS (
      SELECT 1 FROM citizen_profiles p
      WHERE p.user_id = d.owner_user_id AND p.verified_phone = d.applicant->>'phone' AND p.citizen_id_number = d.applicant->>'citizenIdNumber')
), removed AS (
  DELETE FROM vault_items v USING unlinked x WHERE v.kind = 'result' AND v.source_dossier_id = x.id AND v.user_id = x.owner_user_id
)
UPDATE dossiers d SET owner_user_id = NULL FROM unlinked x WHERE d.id = x.id;
