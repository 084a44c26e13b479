import type { ColumnType, Generated } from 'kysely';

/** `timestamptz`: read as a `Date`, written as an ISO string. */
type Timestamp = ColumnType<Date, string, string>;
/** `jsonb`: read parsed, written as JSON text. */
type Json<T = unknown> = ColumnType<T, string, string>;

/** The message as the workflow left it, with the columns the §7 filters need. */
export interface MessagesTable {
  id: string;
  version: number;
  status: string;
  folder: string;
  number: string;
  holding_org_id: string;
  received_org_id: string;
  executor_id: string | null;
  applicant_user_id: string | null;
  channel: string;
  category_id: string;
  subcategory_id: string;
  fact_id: string | null;
  region_code: string;
  fast_track: boolean;
  overdue: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** `-infinity` until registered, so that it sorts first as the core's '' does. */
  registered_at: Timestamp;
  response_due_at: ColumnType<Date | null, string | null, string | null>;
  /** `response_due_at`, or `-infinity` without a deadline: what the deadline sort reads. */
  response_due_sort: Timestamp;
  delegated_by_autorule: boolean;
  /** The text in lower case (`toLocaleLowerCase('ru')`), for case-insensitive search. */
  search_text: string;
  /** The definition version of the snapshot's workflow (`definitionVersionOf`), 1 unstamped. */
  definition_version: ColumnType<number, number | undefined, number>;
  /** The deadline region's state (`deadlineStateOf`): on_time, due_soon, overdue, or null. */
  deadline_state: string | null;
  /** In work with a draft answer the head returned for rework (`isRework`). */
  rework: ColumnType<boolean, boolean | undefined, boolean>;
  /** A deadline extension request waits for the head. */
  extension_pending: ColumnType<boolean, boolean | undefined, boolean>;
  /** `message` or `appeal_59fz`. */
  law_type: ColumnType<string, string | undefined, string>;
  /** The applicant's name in lower case, for the text search of those who see names. */
  applicant_search: ColumnType<string, string | undefined, string>;
  /** The message's point (WGS84 degrees), null without one. */
  location_lat: ColumnType<number | null, number | null | undefined, number | null>;
  location_lon: ColumnType<number | null, number | null | undefined, number | null>;
  /** «в открытом доступе». */
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  snapshot: Json;
}

/** The last number counter value handed out per region (`012-message-numbers`). */
export interface MessageCountersTable {
  region_code: string;
  /** `bigint`: read as a string (node-postgres) or a number. */
  last_value: ColumnType<string | number, number, number>;
}

/**
 * One summary row per message for the SLA indicators (`013-message-indicators`): the core's
 * `MessageFacts` as columns, upserted by every write in the write's own statement.
 */
export interface MessageIndicatorsTable {
  message_id: string;
  /** `date`: read as a `Date` or a string, depending on the driver. */
  received_on: ColumnType<Date | string, string, string>;
  holding_org_id: string;
  region_code: string;
  category_id: string;
  channel: string;
  fast_track: boolean;
  rejected: boolean;
  answered_at: Timestamp | null;
  due_at_answer: Timestamp | null;
  answered_on_time: boolean | null;
  /** `bigint`: read as a string (node-postgres) or a number. */
  answer_ms: ColumnType<string | number | null, number | null, number | null>;
  answer_working_days: number | null;
  awaiting: boolean;
  response_due_at: Timestamp | null;
  due_soon_at: Timestamp | null;
  extensions_granted: number;
  rating_1: number;
  rating_2: number;
  rating_3: number;
  rating_4: number;
  rating_5: number;
  re_reviews: number;
  operator_delivered: boolean;
  delivery_lag_ms: ColumnType<string | number | null, number | null, number | null>;
  autorouted: boolean;
}

/** The append-only history (ход работ). */
export interface MessageHistoryTable {
  message_id: string;
  version: number;
  type: string;
  at: Timestamp;
  by_id: string;
  from_status: string | null;
  to_status: string;
  holding_org_id: string;
  /** The core's history record, whole. */
  record: Json;
}

export interface TimersTable {
  /** `'pos'` for a message's timer, `'onf'` for a card's (`message_id` is the card's id). */
  workflow: ColumnType<string, string | undefined, string>;
  message_id: string;
  id: string;
  fire_at: Timestamp;
  /** `fire_at`, then the end of the current claim's lease. */
  available_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  locked_by: string | null;
  /** The core's timer, whole. */
  timer: Json;
}

export interface OutboxTable {
  id: Generated<string>;
  /** `'pos'` for a message's effect, `'onf'` for a card's (`message_id` is the card's id). */
  workflow: ColumnType<string, string | undefined, string>;
  message_id: string;
  version: number;
  effect: Json;
  state: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  /** The entry's place in the queue: the event's instant, then a failure's retry time. */
  due_at: Timestamp;
  /** `due_at`, or the end of the current claim's lease. */
  available_at: Timestamp;
  locked_by: string | null;
  last_error: string | null;
  created_at: ColumnType<Date, string | undefined, never>;
}

/** How a due timer ended (migration 006). */
export interface TimerLogTable {
  id: Generated<string>;
  workflow: ColumnType<string, string | undefined, string>;
  message_id: string;
  timer_id: string;
  fire_at: Timestamp;
  /** `'fired'`, `'refused'` or `'superseded'`. */
  outcome: string;
  /** The version the firing or superseding write produced; null when refused. */
  version: number | null;
  at: Timestamp;
  /** The core's timer, whole. */
  timer: Json;
}

export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  fingerprint: string;
  /** The first successful write result as jsonb: rows written before `result_text`. */
  result: Json | null;
  /** The first successful write result as the exact JSON text written, replayed on a retry. */
  result_text: string | null;
  created_at: ColumnType<Date, string | undefined, never>;
}

/** An organisation's autorule (migration 003): the validated rule as JSON. */
export interface AutorulesTable {
  org_id: string;
  id: string;
  position: number;
  rule: Json;
  updated_at: ColumnType<Date, string | undefined, string | undefined>;
}

/** An organisation's notifications or answer templates (migration 003): one JSON list. */
export interface OrganisationSettingsTable {
  org_id: string;
  kind: string;
  items: Json;
  updated_at: ColumnType<Date, string | undefined, string | undefined>;
}

/** Message counts by everything a view scope can select on, for fast folder counts. */
export interface FolderCountsTable {
  holding_org_id: string;
  received_org_id: string;
  operator_entered: boolean;
  folder: string;
  n: ColumnType<number, number, number>;
}

/** Folder counts of the platform-wide scopes (`016-folder-rollups`), summed over shards. */
export interface FolderRollupsTable {
  scope: 'all' | 'operator';
  shard: number;
  folder: string;
  n: ColumnType<number, number, number>;
}

/** The top of each organisation's tree, as a store's directory says (`018-tree-rollups`). */
export interface TreeRootsTable {
  org_id: string;
  root_org_id: string;
}

/** The fingerprint of the directory `tree_roots` was written from ('' before any). */
export interface TreeRollupStateTable {
  only_row: ColumnType<boolean, boolean | undefined, never>;
  tree: string;
}

/** Folder counts of whole trees, by holding or receiving organisation, summed over shards. */
export interface TreeRollupsTable {
  side: 'holding' | 'received';
  root_org_id: string;
  shard: number;
  folder: string;
  n: ColumnType<number, number, number>;
}

export interface OrganisationsTable {
  id: string;
  parent_id: string | null;
  name: string;
  region_code: string;
  position: number;
  data: Json;
}

export interface UsersTable {
  id: string;
  name: string | null;
  email: string | null;
  position: number;
  data: Json;
}

export interface UserRolesTable {
  user_id: string;
  position: number;
  role: string;
  org_id: string | null;
}

export interface CategoriesTable {
  id: string;
  name: string;
  position: number;
  data: Json;
}

export interface SubcategoriesTable {
  id: string;
  category_id: string;
  name: string;
  fast_track: boolean;
  position: number;
  data: Json;
}

export interface FactsTable {
  subcategory_id: string;
  id: string;
  name: string;
  position: number;
  data: Json;
}

/** Directory input besides the tree, users and catalogue (settings, calendar years …). */
export interface DirectorySettingsTable {
  key: string;
  value: Json;
}

/** One upload: the descriptor; `complete` once all its chunks are stored. */
export interface FilesTable {
  id: string;
  name: string;
  content_type: string;
  /** `bigint`: read as a string (node-postgres) or a number. */
  size: ColumnType<string | number, number, number>;
  sha256: string | null;
  uploaded_by: string;
  uploaded_at: Timestamp;
  attached_to: string | null;
  complete: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A file's bytes, in order. */
export interface FileChunksTable {
  file_id: string;
  seq: number;
  bytes: Uint8Array;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: ColumnType<Date, string | undefined, never>;
}

/** Every table reshaem keeps, for a typed `Kysely<ReshaemDatabase>`. */
export interface ReshaemDatabase {
  messages: MessagesTable;
  message_counters: MessageCountersTable;
  message_history: MessageHistoryTable;
  message_indicators: MessageIndicatorsTable;
  timers: TimersTable;
  outbox: OutboxTable;
  timer_log: TimerLogTable;
  idempotency_keys: IdempotencyKeysTable;
  autorules: AutorulesTable;
  organisation_settings: OrganisationSettingsTable;
  folder_counts: FolderCountsTable;
  folder_rollups: FolderRollupsTable;
  tree_roots: TreeRootsTable;
  tree_rollup_state: TreeRollupStateTable;
  tree_rollups: TreeRollupsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  categories: CategoriesTable;
  subcategories: SubcategoriesTable;
  facts: FactsTable;
  directory_settings: DirectorySettingsTable;
  files: FilesTable;
  file_chunks: FileChunksTable;
  reshaem_migrations: MigrationsTable;
}
