-- Figures from the work (issue #3 §8): one row per dossier that left the draft state, with the facts the
-- service-index figures need (Decision 766/QĐ-TTg). The dossier-stats module reads only this view and
-- never writes a domain table; definitions are in docs/figures.md.
CREATE VIEW dossier_facts AS
SELECT
  d.id                                   AS dossier_id,
  d.commune_code,
  au.full_name                           AS commune_name,
  au.full_name_en                        AS commune_name_en,
  d.unit_path,
  p.code                                 AS procedure_code,
  p.name                                 AS procedure_name,
  p.field                                AS procedure_field,
  d.channel,
  d.state,
  d.submitted_at,
  d.received_at,
  d.due_at,
  d.finished_at,
  d.apology_due_at,
  -- 'notReceived': refused at the desk, withdrawn before receipt, or still waiting for the desk.
  -- 'result' and 'refused' are decisions after receipt; 'withdrawn' is a cancellation after receipt.
  CASE
    WHEN d.received_at IS NULL THEN 'notReceived'
    WHEN d.finished_at IS NULL THEN 'open'
    WHEN d.state = 'cancelled' THEN 'withdrawn'
    WHEN d.state = 'refused' THEN 'refused'
    ELSE 'result'
  END                                    AS outcome,
  -- Decided by the deadline. due_at already moved for supplement requests and pauses; the apology's new
  -- date (apology_due_at) is deliberately ignored, so a late dossier stays late. Null while not decided.
  CASE
    WHEN d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.state <> 'cancelled'
      THEN d.due_at IS NULL OR d.finished_at <= d.due_at
  END                                    AS on_time,
  CASE
    WHEN d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.state <> 'cancelled'
      THEN extract(epoch FROM d.finished_at - d.received_at) / 86400.0
  END                                    AS processing_days,
  -- Every document the procedure version requires is on file electronically (upload, vault or counter
  -- scan, at submission or in a supplement round). Paper-only documents leave no row, so they fail this.
  NOT EXISTS (
    SELECT 1
    FROM jsonb_array_elements(coalesce(pv.definition -> 'documents', '[]'::jsonb)) AS req
    WHERE coalesce((req ->> 'required')::boolean, true)
      AND NOT EXISTS (
        SELECT 1 FROM dossier_documents dd
        WHERE dd.dossier_id = d.id AND dd.source <> 'result' AND dd.requirement_key = req ->> 'key'
      )
  )                                      AS digitised,
  EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.source = 'vault') AS vault_reused,
  EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.source = 'result') AS result_digitised,
  d.fee_amount,
  d.fee_status,
  -- A fee actually paid: a confirmed payment that was not an exemption and was not refunded.
  (d.fee_amount > 0 AND EXISTS (
    SELECT 1 FROM payments pay WHERE pay.dossier_id = d.id AND pay.status = 'paid' AND pay.method <> 'exempt'
  ))                                     AS fee_paid,
  (d.fee_amount > 0 AND EXISTS (
    SELECT 1 FROM payments pay WHERE pay.dossier_id = d.id AND pay.status = 'paid' AND pay.method IN ('vietqr', 'gateway')
  ))                                     AS fee_cashless,
  d.rating
FROM dossiers d
JOIN procedures p ON p.id = d.procedure_id
JOIN procedure_versions pv ON pv.procedure_id = d.procedure_id AND pv.version = d.procedure_version
JOIN admin_units au ON au.code = d.commune_code
WHERE d.state <> 'draft';
