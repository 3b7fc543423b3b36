-- The outbox worker claims `ORDER BY next_attempt_at, id LIMIT n FOR UPDATE SKIP LOCKED`. With outbox_due_idx on
-- next_attempt_at alone, a fan-out's rows all share one next_attempt_at (one transaction's now()), so every claim
-- read and sorted the whole tie group by id (110,000 rows for one notice) to return 20. An index in the claim's own
-- order returns the first rows directly; it replaces the old one (same predicate, same leading column).
CREATE INDEX outbox_due_order_idx ON outbox (next_attempt_at, id) WHERE status = 'pending';
DROP INDEX outbox_due_idx;
