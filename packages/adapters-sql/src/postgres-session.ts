/*
 * What every PostgreSQL session of the store is told at connection time, and how its pool
 * lives through dropped connections.
 */

/**
 * Bounds on how long a store session waits, in milliseconds. `0` turns a bound off (for
 * the three server settings, the server's or the role's own value then applies).
 */
export interface PostgresSessionBounds {
  /**
   * How long a new connection may take, and how long a caller waits for a free one in a
   * full pool, before the call fails as unavailable. Default 5 000.
   */
  connectionTimeoutMillis?: number;
  /**
   * `lock_timeout`: how long a statement waits for a row lock another session holds (a
   * stalled worker, a long transaction) before it is cancelled. Default 5 000.
   */
  lockTimeoutMillis?: number;
  /** `statement_timeout`: how long one statement may run. Default 30 000. */
  statementTimeoutMillis?: number;
  /**
   * `idle_in_transaction_session_timeout`: how long a session may sit inside an open
   * transaction without sending anything before the server ends it, rolls the
   * transaction back and frees its locks. Default 10 000.
   */
  idleInTransactionTimeoutMillis?: number;
}

/**
 * The defaults. A reshaem write holds its locks for one short transaction (a few
 * milliseconds, the rules run in between); a read is one statement over indexes. So a
 * 5 s wait for a lock or a connection means something is wrong (a stalled session, a
 * database that is down or saturated), and failing then — well inside the 30–60 s after
 * which proxies and clients give up — lets the caller retry instead of piling up. 30 s
 * per statement leaves room for the heaviest list or count on a large table; 10 s idle
 * in a transaction is far beyond any pause of a live process, and frees the rows a frozen
 * or partitioned one holds.
 */
export const DEFAULT_SESSION_BOUNDS: Required<PostgresSessionBounds> = {
  connectionTimeoutMillis: 5_000,
  lockTimeoutMillis: 5_000,
  statementTimeoutMillis: 30_000,
  idleInTransactionTimeoutMillis: 10_000,
};

/** The bounds as `pg.Pool` settings (pg sends the three timeouts in the startup packet). */
export function sessionSettings(bounds: PostgresSessionBounds) {
  const bound = (name: keyof PostgresSessionBounds) => {
    const value = bounds[name] ?? DEFAULT_SESSION_BOUNDS[name];
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a whole number of milliseconds (0 or more)`);
    }
    return value;
  };
  return {
    connectionTimeoutMillis: bound('connectionTimeoutMillis'),
    lock_timeout: bound('lockTimeoutMillis'),
    statement_timeout: bound('statementTimeoutMillis'),
    idle_in_transaction_session_timeout: bound('idleInTransactionTimeoutMillis'),
    // Finds a peer that vanished without closing the connection (a partition, a dead host).
    keepAlive: true,
  };
}

const ignore = () => {};

/** The part of a `pg.Pool` (and of its clients) that reports dropped connections. */
interface Emitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface PoolEvents extends Emitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'connect', listener: (client: Emitter) => void): unknown;
}

/**
 * Keeps a dropped connection from ending the process. node-postgres emits `error` on a
 * pool when an idle connection dies (the server restarted, an administrator terminated the
 * session), and on a client that is checked out at that moment; an `error` event nobody
 * listens to is thrown, and ends Node. With these listeners the pool just forgets the dead
 * connection and opens a new one on the next call. A checked-out client's error needs no
 * report of its own: the statement it was running, or its next one, fails with it, and the
 * store reports that to its caller as `StoreUnavailableError`.
 */
export function surviveDroppedConnections(pool: PoolEvents, onError: (error: Error) => void): void {
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', ignore);
  });
}
