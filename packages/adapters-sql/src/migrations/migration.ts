/**
 * One forward-only step of the schema. Steps are plain SQL, run in order inside the
 * migration transaction; never edit a released step, add the next one.
 */
export interface Migration {
  /** 1, 2, 3 …: the order, and the key in `reshaem_migrations`. */
  version: number;
  name: string;
  statements: readonly string[];
}
