import type { Migration } from './migration.js';

/**
 * ОНФ cards (SPEC §9) beside the ПОС messages: the snapshot is the truth, the other columns
 * are derived for the §9 filters. `lock_holder_id` is unique where it is not null, so two
 * concurrent `case.lock` writes by one executor cannot both commit (the store answers
 * `lock_conflict`). Text columns used for «contains» filters are lower-cased in JavaScript
 * (`toLocaleLowerCase('ru')`), as for messages. Case timers and outbox entries
 * came with `005-case-timers`.
 */
export const cases: Migration = {
  version: 4,
  name: '004-cases',
  statements: [
    `CREATE TABLE cases (
      id text COLLATE "C" PRIMARY KEY,
      version integer NOT NULL CHECK (version > 0),
      status text NOT NULL,
      number text NOT NULL,
      region_code text NOT NULL,
      federal_district text,
      municipality_search text,
      address_search text,
      category_type text NOT NULL,
      category_id text NOT NULL,
      subcategory_id text,
      executor_id text,
      org_id text,
      lock_holder_id text,
      labels text[] NOT NULL,
      applicant_search text NOT NULL,
      phone_digits text NOT NULL,
      search_text text NOT NULL,
      contacted_before boolean NOT NULL,
      urgent boolean NOT NULL,
      channel text,
      source_id text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      snapshot jsonb NOT NULL
    )`,
    'CREATE UNIQUE INDEX cases_lock_holder ON cases (lock_holder_id) WHERE lock_holder_id IS NOT NULL',
    'CREATE INDEX cases_region_created ON cases (region_code, created_at, id)',
    'CREATE INDEX cases_created ON cases (created_at, id)',
    'CREATE INDEX cases_updated ON cases (updated_at, id)',
    'CREATE INDEX cases_executor ON cases (executor_id, created_at) WHERE executor_id IS NOT NULL',
    'CREATE INDEX cases_number ON cases (number)',
    'CREATE INDEX cases_labels ON cases USING gin (labels)',
    `CREATE TABLE case_history (
      case_id text COLLATE "C" NOT NULL,
      version integer NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      by_id text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      record jsonb NOT NULL,
      PRIMARY KEY (case_id, version)
    )`,
  ],
};
