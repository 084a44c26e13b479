/** The fields of a PostgreSQL error that both node-postgres and PGlite report. */
interface PgError {
  code?: unknown;
  constraint?: unknown;
}

const pgError = (error: unknown): PgError =>
  typeof error === 'object' && error !== null ? (error as PgError) : {};

/** Did a unique constraint (by name) refuse the write? */
export const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  pgError(error).code === '23505' && pgError(error).constraint === constraint;

/**
 * Did the server abort the transaction so that running it again may succeed: a
 * serialization failure (under REPEATABLE READ or SERIALIZABLE) or a deadlock?
 */
export const isRetryable = (error: unknown): boolean => {
  const { code } = pgError(error);
  return code === '40001' || code === '40P01';
};

/** How many times a write is tried when the server aborts it for a concurrent one. */
export const WRITE_ATTEMPTS = 4;

/**
 * Runs `attempt` again (at most {@link WRITE_ATTEMPTS} times in all) while the server
 * aborts it as retryable; `exhausted` says what to return when it never gets through.
 * Each try reloads the message and checks `expectedVersion` afresh, so a retry never
 * applies an event over a version the caller did not expect.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  exhausted: (error: unknown) => Promise<T>,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (i >= WRITE_ATTEMPTS) return exhausted(error);
    }
  }
}
