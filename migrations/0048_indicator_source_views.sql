-- Issue #13: the views the source modules publish for the indicators' daily facts (docs/indicators/elements.md).
-- Each view is owned by the module that owns its tables (docs/architecture.md): it alone changes the definition, and
-- columns are only ever added. The indicators module reads these views and never the tables behind them.
-- The *_change_refs views list what changed and when, so the refresh recomputes only the days touched since its
-- watermark; each branch has an index on its timestamp so "changed since" is a range scan, not a full scan.

-- ── dossiers ────────────────────────────────────────────────────────────────────────────────────────────────────
-- Every write that may move a dossier's figures: the row itself, a transition, a document, a payment.
CREATE VIEW dossier_change_refs AS
SELECT d.id AS dossier_id, d.commune_code, d.unit_path, d.updated_at AS changed_at FROM dossiers d
UNION ALL
SELECT e.dossier_id, d.commune_code, d.unit_path, e.at FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
UNION ALL
SELECT dd.dossier_id, d.commune_code, d.unit_path, dd.created_at FROM dossier_documents dd JOIN dossiers d ON d.id = dd.dossier_id
UNION ALL
SELECT p.dossier_id, d.commune_code, d.unit_path, p.confirmed_at FROM payments p JOIN dossiers d ON d.id = p.dossier_id;
CREATE INDEX dossiers_updated_idx ON dossiers (updated_at);
CREATE INDEX dossier_events_at_idx ON dossier_events (at);
CREATE INDEX dossier_documents_created_idx ON dossier_documents (created_at);
CREATE INDEX payments_confirmed_idx ON payments (confirmed_at);
-- A commune's dossiers of one day, received or decided: the refresh reads dossier_facts by these.
CREATE INDEX dossiers_commune_received_idx ON dossiers (commune_code, received_at) WHERE received_at IS NOT NULL;
CREATE INDEX dossiers_commune_finished_idx ON dossiers (commune_code, finished_at) WHERE finished_at IS NOT NULL;

-- ── procedures ──────────────────────────────────────────────────────────────────────────────────────────────────
-- What the catalogue offers: level, online service and whether the procedure is in use.
CREATE VIEW procedure_offer_refs AS
SELECT p.id AS procedure_id, p.code, p.level, p.online_level, p.active FROM procedures p;

-- ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- One row per report: where (village when known), and when it was received, answered, confirmed and rated.
CREATE VIEW report_facts AS
SELECT r.id AS report_id, r.commune_code, r.village_code, r.unit_path, r.status, r.created_at AS received_at, r.due_at,
       r.answered_at, r.confirmed_at, r.closed_at, r.satisfaction,
       -- the rating is given when the reporter confirms or closes: the day it counts on
       CASE WHEN r.satisfaction IS NOT NULL THEN coalesce(r.confirmed_at, r.closed_at, r.updated_at) END AS rated_at
FROM reports r;
CREATE VIEW report_change_refs AS
SELECT r.id AS report_id, r.commune_code, r.unit_path, r.updated_at AS changed_at FROM reports r
UNION ALL
SELECT e.report_id, r.commune_code, r.unit_path, e.created_at FROM report_events e JOIN reports r ON r.id = e.report_id;
CREATE INDEX reports_updated_idx ON reports (updated_at);
CREATE INDEX report_events_created_idx ON report_events (created_at);
CREATE INDEX reports_commune_created_idx ON reports (commune_code, created_at);

-- ── notices ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- Notices and their per-person deliveries. commune_code: the issuing commune (null for a province's notice).
CREATE VIEW notice_facts AS
SELECT n.id AS notice_id, n.unit_code, n.unit_path,
       CASE WHEN split_part(n.unit_path, '/', 3) <> '' THEN split_part(n.unit_path, '/', 3) END AS commune_code,
       n.status, n.published_at, n.updated_at AS changed_at
FROM notices n;
CREATE VIEW notice_delivery_facts AS
SELECT d.id AS delivery_id, d.notice_id, n.unit_path,
       CASE WHEN split_part(n.unit_path, '/', 3) <> '' THEN split_part(n.unit_path, '/', 3) END AS commune_code,
       d.village_code, d.channel, d.status, d.sent_at, d.delivered_at, d.updated_at AS changed_at
FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id;
CREATE INDEX notices_updated_idx ON notices (updated_at);
CREATE INDEX notice_deliveries_updated_idx ON notice_deliveries (updated_at);

-- ── outreach ────────────────────────────────────────────────────────────────────────────────────────────────────
-- The digital teams' visits: the household's village (from its path), the day, when it reached the server.
CREATE VIEW visit_refs AS
SELECT v.id AS visit_id, v.household_id, v.commune_code, v.unit_path,
       nullif(split_part(v.unit_path, '/', 4), '') AS village_code, v.visited_on, v.outcome, v.synced_at AS changed_at
FROM visits v;
CREATE INDEX visits_synced_idx ON visits (synced_at);

-- ── hall ────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Queue tickets of a commune's day (tickets live one day: the day is their own).
CREATE VIEW queue_ticket_facts AS
SELECT t.id AS ticket_id, t.commune_code, au.path AS unit_path, t.day, t.status, t.source, t.taken_at, t.done_at,
       greatest(t.taken_at, t.called_at, t.serving_at, t.done_at) AS changed_at
FROM queue_tickets t JOIN admin_unit_refs au ON au.code = t.commune_code;
