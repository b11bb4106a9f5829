-- Schema version 4: anonymised selection and the decision log.
--
-- A candidate is a student put forward for an offer under a code that is
-- random and means nothing outside that offer. Reviewers score candidates
-- on the offer's criteria; decisions (version 2) refer to candidates by
-- code. The identity behind a code is shown only after a decision, and
-- that reveal is logged.

CREATE TABLE candidates (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  offer_id     INTEGER NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
  student_id   INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  code         TEXT NOT NULL,
  note         TEXT,
  added_at     TEXT NOT NULL,
  revealed_at  TEXT,
  UNIQUE (offer_id, student_id),
  UNIQUE (offer_id, code)
);

CREATE INDEX candidates_student_id ON candidates (student_id);

-- The rubric of an offer: the criteria reviewers score from 1 to 5.
CREATE TABLE criteria (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  offer_id  INTEGER NOT NULL REFERENCES offers (id) ON DELETE RESTRICT,
  name      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  UNIQUE (offer_id, name)
);

CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  candidate_id  INTEGER NOT NULL REFERENCES candidates (id) ON DELETE RESTRICT,
  reviewer      TEXT NOT NULL,
  criterion     TEXT NOT NULL,
  score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  reviewed_at   TEXT NOT NULL,
  UNIQUE (candidate_id, reviewer, criterion)
);

-- Reasons a company may give; a rejection needs one.
CREATE TABLE reason_codes (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  code    TEXT NOT NULL UNIQUE,
  label   TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1
);

INSERT INTO reason_codes (code, label) VALUES
  ('not-available', 'Not available in the period'),
  ('insufficient-experience', 'Not enough experience for the tasks'),
  ('programme-mismatch', 'Programme does not fit the work'),
  ('position-filled', 'The place was filled'),
  ('no-show', 'Did not come to the interview'),
  ('motivation', 'Motivation did not convince'),
  ('distance', 'Travel distance too long'),
  ('other', 'Other reason, explained in the note');

-- Offers flagged for a requirement that can act as a proxy for origin
-- carry the coordinator's confirmation.
ALTER TABLE offers ADD COLUMN proxy_confirmed INTEGER NOT NULL DEFAULT 0;

-- The decision log. Each entry carries the SHA-256 of the entry before it
-- and of its own content, so a change anywhere breaks the chain from that
-- entry on. It holds ids, never personal data in clear, so erasing a
-- student leaves it intact.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            TEXT NOT NULL,
  actor         TEXT,
  action        TEXT NOT NULL,
  offer_id      INTEGER,
  student_id    INTEGER,
  candidate_id  INTEGER,
  decision_id   INTEGER,
  placement_id  INTEGER,
  details       TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);

CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the decision log is append-only');
END;

CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the decision log is append-only');
END;
