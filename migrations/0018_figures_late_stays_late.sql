-- Late stays late in the figures (issue #9): a dossier whose clock stopped (paused, waiting for a supplement) after
-- its due time was already overrun stays overdue, as on the desk's overdue queue. The view gains the moment the
-- clock stopped; every column of 0015 stays as it was, in its order.
DROP VIEW dossier_facts;
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
  -- 'notReceived': refused at the desk, withdrawn before receipt, or still waiting for the desk. A refusal after
  -- receipt is a decision ('refused'), whatever national status the workflow reports.
  CASE
    WHEN d.received_at IS NULL THEN 'notReceived'
    WHEN d.finished_at IS NULL THEN 'open'
    WHEN d.state = 'cancelled' THEN 'withdrawn'
    WHEN d.state = 'refused' THEN 'refused'
    ELSE 'result'
  END                                    AS outcome,
  CASE
    WHEN d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.state <> 'cancelled'
      THEN d.due_at IS NULL OR d.finished_at <= d.due_at
  END                                    AS on_time,
  CASE
    WHEN d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.state <> 'cancelled'
      THEN extract(epoch FROM d.finished_at - d.received_at) / 86400.0
  END                                    AS processing_days,
  -- An electronic copy of every required document. An original only seen at the counter
  -- (dossier_originals_seen) has no file row, so it fails this.
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
  (d.fee_amount > 0 AND EXISTS (
    SELECT 1 FROM payments pay WHERE pay.dossier_id = d.id AND pay.status = 'paid' AND pay.method <> 'exempt'
  ))                                     AS fee_paid,
  (d.fee_amount > 0 AND EXISTS (
    SELECT 1 FROM payments pay WHERE pay.dossier_id = d.id AND pay.status = 'paid' AND pay.method IN ('vietqr', 'gateway')
  ))                                     AS fee_cashless,
  d.rating,
  -- New in 0015. Decision 766 timing of a decision: 'late' after the due time; 'early' on a local day before the
  -- due day (Vietnam time, UTC+7 as in vietnam-time.ts); 'onTime' on the due day itself (by its due time), or with no due time recorded. Null while undecided.
  CASE
    WHEN d.received_at IS NULL OR d.finished_at IS NULL OR d.state = 'cancelled' THEN NULL
    WHEN d.due_at IS NULL THEN 'onTime'
    WHEN d.finished_at > d.due_at THEN 'late'
    WHEN ((d.finished_at AT TIME ZONE 'UTC') + interval '7 hours')::date < ((d.due_at AT TIME ZONE 'UTC') + interval '7 hours')::date THEN 'early'
    ELSE 'onTime'
  END                                    AS timing,
  -- The procedure version the dossier was filed under offers an online service (full or partial).
  coalesce(pv.definition ->> 'onlineLevel', p.online_level) <> 'none' AS online_offered,
  -- A fee is charged: an amount, not waived.
  (d.fee_amount > 0 AND d.fee_status <> 'exempt') AS fee_due,
  -- Clock stops after receipt (supplement requests, pauses): [start, end] pairs from the events, end null while
  -- still stopped. The average processing time leaves them out.
  (SELECT coalesce(jsonb_agg(jsonb_build_array(e.at, (
      SELECT min(n.at) FROM dossier_events n WHERE n.dossier_id = e.dossier_id AND n.id > e.id AND n.to_state NOT IN ('supplementRequested', 'paused')
    )) ORDER BY e.id), '[]'::jsonb)
   FROM dossier_events e
   WHERE e.dossier_id = d.id AND e.to_state IN ('supplementRequested', 'paused')
     AND (e.from_state IS NULL OR e.from_state NOT IN ('supplementRequested', 'paused'))
     AND d.received_at IS NOT NULL AND e.at >= d.received_at) AS clock_stops,
  EXISTS (SELECT 1 FROM dossier_originals_seen s WHERE s.dossier_id = d.id) AS original_seen,
  -- New in 0018. When the clock stopped, null while it runs: a stop after due_at leaves the dossier overdue.
  d.clock_stopped_at
FROM dossiers d
JOIN procedures p ON p.id = d.procedure_id
JOIN procedure_versions pv ON pv.procedure_id = d.procedure_id AND pv.version = d.procedure_version
JOIN admin_units au ON au.code = d.commune_code
WHERE d.state <> 'draft';
