-- Issue #12, audiences and fan-out: when a delivery is due to go out. The SMS daily cap of a commune defers
-- non-emergency SMS beyond the day's allowance to 07:00 of the next Vietnam day (and so on); the cap counts a day's
-- deliveries by this instant, so a fan-out tomorrow sees what today's already put on tomorrow.
ALTER TABLE notice_deliveries ADD COLUMN due_at timestamptz;
UPDATE notice_deliveries SET due_at = queued_at WHERE due_at IS NULL;
ALTER TABLE notice_deliveries ALTER COLUMN due_at SET DEFAULT now();
ALTER TABLE notice_deliveries ALTER COLUMN due_at SET NOT NULL;
CREATE INDEX notice_deliveries_due_idx ON notice_deliveries (channel, due_at);
