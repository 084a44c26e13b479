import type { Migration } from './migration.js';

/**
 * The first schema: the directory (organisation tree, users and roles, catalogue), the
 * messages with their history, timers, outbox, idempotency keys and folder counts.
 *
 * Ids that lists and timers sort by use the "C" collation, so the database orders them as
 * the core compares strings, whatever the database's locale.
 */
/** What list filters and sorts read besides the scope: carried in the scope indexes. */
const listColumns = [
  'folder',
  'status',
  'fast_track',
  'overdue',
  'channel',
  'category_id',
  'subcategory_id',
  'fact_id',
  'executor_id',
  'updated_at',
  'registered_at',
].join(', ');

const statements = [
  // ---- directory: the rule input, saved and loaded whole (`data`), keyed for SQL use
  `CREATE TABLE organisations (
    id text PRIMARY KEY,
    parent_id text,
    name text NOT NULL,
    region_code text NOT NULL,
    position integer NOT NULL,
    data jsonb NOT NULL
  )`,
  'CREATE INDEX organisations_parent ON organisations (parent_id)',
  `CREATE TABLE users (
    id text PRIMARY KEY,
    name text,
    email text,
    position integer NOT NULL,
    data jsonb NOT NULL
  )`,
  `CREATE TABLE user_roles (
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position integer NOT NULL,
    role text NOT NULL,
    org_id text,
    PRIMARY KEY (user_id, position)
  )`,
  'CREATE INDEX user_roles_org ON user_roles (org_id, role)',
  `CREATE TABLE categories (
    id text PRIMARY KEY,
    name text NOT NULL,
    position integer NOT NULL,
    data jsonb NOT NULL
  )`,
  `CREATE TABLE subcategories (
    id text PRIMARY KEY,
    category_id text NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    name text NOT NULL,
    fast_track boolean NOT NULL,
    position integer NOT NULL,
    data jsonb NOT NULL
  )`,
  `CREATE TABLE facts (
    subcategory_id text NOT NULL REFERENCES subcategories (id) ON DELETE CASCADE,
    id text NOT NULL,
    name text NOT NULL,
    position integer NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (subcategory_id, id)
  )`,
  `CREATE TABLE directory_settings (
    key text PRIMARY KEY,
    value jsonb NOT NULL
  )`,

  // ---- messages: the snapshot is the truth; the other columns are derived for SQL
  `CREATE TABLE messages (
    id text COLLATE "C" PRIMARY KEY,
    version integer NOT NULL CHECK (version > 0),
    status text NOT NULL,
    folder text NOT NULL,
    number text NOT NULL,
    holding_org_id text NOT NULL,
    received_org_id text NOT NULL,
    executor_id text,
    applicant_user_id text,
    channel text NOT NULL,
    category_id text NOT NULL,
    subcategory_id text NOT NULL,
    fact_id text,
    region_code text NOT NULL,
    fast_track boolean NOT NULL,
    overdue boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    registered_at timestamptz NOT NULL,
    response_due_at timestamptz,
    search_text text NOT NULL,
    snapshot jsonb NOT NULL
  )`,
  "COMMENT ON COLUMN messages.registered_at IS '-infinity until registered: sorts first, as the core sorts a missing date'",
  "COMMENT ON COLUMN messages.search_text IS 'the text in lower case (JavaScript toLocaleLowerCase(''ru'')), for substring search in any locale'",
  // Lists page through ids first (index-only), then fetch the page's snapshots. Each part
  // of a view scope has an index in creation order that also carries the columns the
  // filters and the other sorts read, so a region's tens of thousands of messages are
  // filtered and sorted inside the index without touching the wide table rows.
  // Views that see everything page through the plain sort indexes instead.
  'CREATE INDEX messages_created ON messages (created_at, id)',
  'CREATE INDEX messages_updated ON messages (updated_at, id)',
  'CREATE INDEX messages_registered ON messages (registered_at, id)',
  `CREATE INDEX messages_holding ON messages (holding_org_id, created_at, id)
    INCLUDE (${listColumns})`,
  `CREATE INDEX messages_received ON messages (received_org_id, created_at, id)
    INCLUDE (${listColumns})`,
  `CREATE INDEX messages_operator ON messages (created_at, id) INCLUDE (${listColumns})
    WHERE channel = 'operator'`,
  'CREATE INDEX messages_executor ON messages (executor_id, created_at) WHERE executor_id IS NOT NULL',
  'CREATE INDEX messages_applicant ON messages (applicant_user_id, created_at) WHERE applicant_user_id IS NOT NULL',
  'CREATE INDEX messages_due ON messages (response_due_at) WHERE response_due_at IS NOT NULL',

  `CREATE TABLE message_history (
    message_id text NOT NULL,
    version integer NOT NULL,
    type text NOT NULL,
    at timestamptz NOT NULL,
    by_id text NOT NULL,
    from_status text,
    to_status text NOT NULL,
    holding_org_id text NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (message_id, version)
  )`,

  `CREATE TABLE timers (
    message_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    fire_at timestamptz NOT NULL,
    available_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    locked_by text,
    timer jsonb NOT NULL,
    PRIMARY KEY (message_id, id)
  )`,
  'CREATE INDEX timers_available ON timers (available_at)',

  `CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id text NOT NULL,
    version integer NOT NULL,
    effect jsonb NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    available_at timestamptz NOT NULL,
    locked_by text,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE state = 'pending'",
  'CREATE INDEX outbox_message ON outbox (message_id, id)',

  `CREATE TABLE idempotency_keys (
    principal_id text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    result jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal_id, key)
  )`,
  'CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)',

  `CREATE TABLE folder_counts (
    holding_org_id text NOT NULL,
    received_org_id text NOT NULL,
    operator_entered boolean NOT NULL,
    folder text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (holding_org_id, received_org_id, operator_entered, folder)
  )`,
  'CREATE INDEX folder_counts_received ON folder_counts (received_org_id)',
];

export const initial: Migration = { version: 1, name: '001-initial', statements };
