-- Schema version 2: placements, selection decisions, the PC4 coordinate
-- table and settings.

CREATE TABLE placements (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  student_id        INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  offer_id          INTEGER NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
  status            TEXT NOT NULL,
  start_date        TEXT,
  end_date          TEXT,
  company_mentor    TEXT,
  supervisor        TEXT,
  agreement_signed  INTEGER NOT NULL,
  locked            INTEGER NOT NULL
);

CREATE INDEX placements_student_id ON placements (student_id);
CREATE INDEX placements_offer_id ON placements (offer_id);

CREATE TABLE decisions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  offer_id        INTEGER NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
  student_id      INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  candidate_code  TEXT NOT NULL,
  kind            TEXT NOT NULL,
  reason          TEXT,
  note            TEXT,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT,
  corrects_id     INTEGER REFERENCES decisions (id) ON DELETE RESTRICT
);

CREATE INDEX decisions_offer_id ON decisions (offer_id);
CREATE INDEX decisions_student_id ON decisions (student_id);

-- A decision is never edited or removed: a correction is a new decision.
CREATE TRIGGER decisions_never_updated BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE (ABORT, 'decisions are never edited; record a correction instead');
END;

CREATE TRIGGER decisions_never_deleted BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE (ABORT, 'decisions are never deleted; record a correction instead');
END;

CREATE TABLE postcode_areas (
  code       INTEGER PRIMARY KEY CHECK (code BETWEEN 1000 AND 9999),
  latitude   REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude  REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
