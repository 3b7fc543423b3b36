-- Issue #11, the place check: a province's rectangle within which its reports may be placed (its extreme points with
-- a margin, set by the province's category admin). No row: only Vietnam's national extent is checked.
CREATE TABLE report_areas (
  province_code  text PRIMARY KEY REFERENCES admin_units (code),
  min_lat        double precision NOT NULL CHECK (min_lat BETWEEN -90 AND 90),
  max_lat        double precision NOT NULL CHECK (max_lat BETWEEN -90 AND 90),
  min_lon        double precision NOT NULL CHECK (min_lon BETWEEN -180 AND 180),
  max_lon        double precision NOT NULL CHECK (max_lon BETWEEN -180 AND 180),
  updated_by     uuid REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (min_lat < max_lat),
  CHECK (min_lon < max_lon)
);
