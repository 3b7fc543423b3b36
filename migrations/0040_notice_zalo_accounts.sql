-- Issue #12, notices' channels part: each commune's Zalo Official Account for ZNS template messages
-- (docs/notices/channels.md). Tokens and secrets stay server-side: pages and the API show only their last characters.
CREATE TABLE notice_zalo_accounts (
  unit_code         text PRIMARY KEY REFERENCES admin_units (code),  -- the commune (or province) that sends
  unit_path         text NOT NULL,
  app_id            text NOT NULL CHECK (app_id ~ '^[0-9]{1,32}$'),
  app_secret        text NOT NULL,                                 -- the app's secret_key, for the token refresh
  oa_id             text NOT NULL CHECK (oa_id ~ '^[0-9]{1,32}$'),
  template_id       text NOT NULL CHECK (template_id ~ '^[0-9]{1,20}$'),
  -- template parameter name → what fills it: title, category, date, link, commune (notice-channel fields)
  template_params   jsonb NOT NULL DEFAULT '{}',
  access_token      text NOT NULL,
  refresh_token     text,
  token_expires_at  timestamptz,                                   -- null: unknown (refreshed when Zalo refuses it)
  oa_secret_key     text NOT NULL,                                 -- verifies X-ZEvent-Signature of callbacks
  last_refresh_at   timestamptz,
  last_error        text,
  updated_by        uuid REFERENCES users (id),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notice_zalo_accounts_app_idx ON notice_zalo_accounts (app_id, oa_id);
