-- Schema version 1: programmes, students, companies and their offers.
-- Column names are the field names of the record classes in src/core.
-- Lists are stored one item per line; enums and flags by their keys.

CREATE TABLE programmes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  education   TEXT NOT NULL,
  sector      TEXT NOT NULL
);

CREATE TABLE students (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  student_number      TEXT NOT NULL UNIQUE,
  given_name          TEXT NOT NULL,
  name_prefix         TEXT,
  family_name         TEXT NOT NULL,
  date_of_birth       TEXT,
  email               TEXT,
  phone               TEXT,
  street              TEXT,
  postcode            TEXT,
  city                TEXT,
  class_name          TEXT,
  level               TEXT NOT NULL,
  pathway             TEXT NOT NULL,
  programme           TEXT REFERENCES programmes (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  supervisor          TEXT,
  available_from      TEXT,
  available_until     TEXT,
  hours_per_week      INTEGER NOT NULL,
  max_travel_km       INTEGER NOT NULL,
  skills              TEXT,
  sector_interests    TEXT,
  driving_licence     INTEGER NOT NULL,
  vog                 INTEGER NOT NULL,
  certificates        TEXT,
  motivation          TEXT,
  accommodations      TEXT,
  -- A salted hash for student mode, never the code itself.
  personal_code_hash  TEXT
);

CREATE INDEX students_class_name ON students (class_name);
CREATE INDEX students_programme ON students (programme);

CREATE TABLE companies (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT NOT NULL,
  kvk_number      TEXT NOT NULL UNIQUE,
  sbb_recognised  INTEGER NOT NULL,
  sector          TEXT NOT NULL,
  street          TEXT,
  postcode        TEXT,
  city            TEXT,
  contact_name    TEXT,
  contact_email   TEXT,
  contact_phone   TEXT
);

CREATE TABLE offers (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id                INTEGER NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
  title                     TEXT NOT NULL,
  description               TEXT,
  sector                    TEXT NOT NULL,
  levels                    TEXT NOT NULL,
  pathways                  TEXT NOT NULL,
  programmes                TEXT,
  postcode                  TEXT,
  start_date                TEXT NOT NULL,
  end_date                  TEXT NOT NULL,
  required_weeks            INTEGER NOT NULL,
  hours_per_week            INTEGER NOT NULL,
  places                    INTEGER NOT NULL CHECK (places >= 1),
  requires_driving_licence  INTEGER NOT NULL,
  requires_vog              INTEGER NOT NULL,
  requirements              TEXT,
  status                    TEXT NOT NULL,
  selection_mode            TEXT NOT NULL
);

CREATE INDEX offers_company_id ON offers (company_id);
