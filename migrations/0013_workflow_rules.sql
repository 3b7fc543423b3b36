-- The one-stop workflow by the letter of the law (issue #9): a supplement request after receipt is made once,
-- in full; a second one (or one after its time limit) needs a leader's override, whose reason is kept here.
-- after_receipt: asked by the handling agency (counted), not the desk's guidance at intake; null on older rows,
-- which are judged by their time against the dossier's receipt.
ALTER TABLE supplement_requests
  ADD COLUMN after_receipt boolean,
  ADD COLUMN override_reason text,
  ADD COLUMN overridden_by uuid REFERENCES users (id);

-- Inter-agency steps (liên thông): each hand-over to another agency is a record with its own deadline and
-- result, not free text on the dossier. dossiers.forwarded_to stays as the open step's agency name for old rows.
CREATE TABLE dossier_interagency_steps (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  agency_name   text NOT NULL,
  agency_code   text,
  sent_at       timestamptz NOT NULL,
  sent_by       uuid REFERENCES users (id),
  step_due_at   timestamptz NOT NULL,
  returned_at   timestamptz,
  returned_by   uuid REFERENCES users (id),
  result        text CHECK (result IN ('done', 'refused', 'other')),
  note          text
);
CREATE INDEX dossier_interagency_steps_dossier_idx ON dossier_interagency_steps (dossier_id, sent_at);
-- At most one open step per dossier: the state machine forwards from inReview only.
CREATE UNIQUE INDEX dossier_interagency_steps_open_idx ON dossier_interagency_steps (dossier_id) WHERE returned_at IS NULL;
