-- Enter once: a citizen's proposed and confirmed links are read by account (the citizen's /me/household page, and
-- each sign-in checking what is already proposed), so they need an index by account.
CREATE INDEX resident_account_links_user_idx ON resident_account_links (user_id, status);
