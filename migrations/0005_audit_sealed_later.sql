-- Audit entries are written without a lock and chained shortly after (issue #3's 1,000 dossiers/s):
-- before, every audited write held one global lock until its commit was flushed, so writes went one at
-- a time. Now a use case inserts its entry (seq from a sequence; gaps where a transaction rolled back),
-- and the sealer, one at a time across processes, gives committed entries a gap-free chain_seq and the
-- hash that links them. The chain, not seq, is what verification walks.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
ALTER TABLE audit_log ADD COLUMN chain_seq bigint UNIQUE;
UPDATE audit_log SET chain_seq = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
  CHECK ((chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL) OR (chain_seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL));

CREATE SEQUENCE audit_log_seq_seq OWNED BY audit_log.seq;
SELECT setval('audit_log_seq_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq');
CREATE INDEX audit_log_unsealed_idx ON audit_log (seq) WHERE chain_seq IS NULL;

-- Still append-only: the one change allowed is sealing an unsealed entry, with its content untouched.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
     AND (NEW.seq, NEW.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id,
          NEW.admin_unit_code, NEW.request_id, NEW.details)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id,
          OLD.admin_unit_code, OLD.request_id, OLD.details) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
