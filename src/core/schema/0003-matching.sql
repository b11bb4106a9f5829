-- Schema version 3: what matching needs. Offers name the skills they look
-- for; students and offers may rank each other; every applied matching run
-- is kept with its seed so that it can be reproduced; a placement remembers
-- the run and score that proposed it.

ALTER TABLE offers ADD COLUMN skills TEXT;

ALTER TABLE placements ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
ALTER TABLE placements ADD COLUMN run_id INTEGER REFERENCES match_runs (id) ON DELETE RESTRICT;

CREATE TABLE preferences (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  student_id  INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  offer_id    INTEGER NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
  side        TEXT NOT NULL,
  rank        INTEGER NOT NULL CHECK (rank >= 1),
  UNIQUE (student_id, offer_id, side)
);

CREATE INDEX preferences_offer_id ON preferences (offer_id);

CREATE TABLE match_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  mode          TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  started_at    TEXT NOT NULL,
  assigned      INTEGER NOT NULL,
  unassigned    INTEGER NOT NULL,
  total_score   INTEGER NOT NULL,
  weights       TEXT
);
