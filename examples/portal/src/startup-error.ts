import { DataDirectoryLockedError } from '@reshaem/adapters-sql';

/**
 * The one line `npm start` prints for a start-up failure the operator can fix, or `null`
 * for anything else (printed in full). Today: the data directory held by another process.
 *
 * @example
 * main().catch((error) => {
 *   console.error(startupErrorLine(error) ?? error);
 *   process.exit(1);
 * });
 */
export function startupErrorLine(error: unknown): string | null {
  if (error instanceof DataDirectoryLockedError) {
    const holder = error.holder === null ? 'another process' : `process ${error.holder.pid}`;
    return (
      `The data directory ${error.dataDir} is in use by ${holder} — is the portal running in ` +
      'another terminal? Stop it, or choose another directory: RESHAEM_DATA_DIR=./other npm start'
    );
  }
  return null;
}
