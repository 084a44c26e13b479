import { randomBytes } from 'node:crypto';

/**
 * Short-lived notes that survive one redirect (Post/Redirect/Get): a refused form posts, the
 * portal keeps the refusal and what was typed under a random key and redirects to the
 * message's own URL with `?refusal=<key>`, which reloads fine. A note is only ever given back
 * to the user it was made for, and lives `ttlMs` (reloading within that time shows it
 * again); at most `max` are kept, the oldest dropped first. In memory: one portal process.
 */
export interface FlashStore<T> {
  /** Keeps `value` for `userId`; returns its key. */
  put(userId: string, value: T): string;
  /** The value kept under `key` for `userId`, while it lives. */
  get(key: string, userId: string): T | undefined;
}

/**
 * @example
 * const flashes = createFlashStore<Note>({ now: () => new Date() });
 * const key = flashes.put(user.id, note);
 * return c.redirect(`/messages/${id}?refusal=${key}`, 303);
 */
export function createFlashStore<T>(options: {
  now: () => Date;
  ttlMs?: number;
  max?: number;
}): FlashStore<T> {
  const { now, ttlMs = 10 * 60_000, max = 1000 } = options;
  const notes = new Map<string, { userId: string; value: T; until: number }>();
  return {
    put(userId, value) {
      const key = randomBytes(12).toString('base64url');
      const at = now().getTime();
      for (const [k, note] of notes) if (note.until <= at) notes.delete(k);
      while (notes.size >= max) {
        const oldest = notes.keys().next().value;
        if (oldest === undefined) break;
        notes.delete(oldest);
      }
      notes.set(key, { userId, value, until: at + ttlMs });
      return key;
    },
    get(key, userId) {
      const note = notes.get(key);
      if (!note || note.userId !== userId || note.until <= now().getTime()) return undefined;
      return note.value;
    },
  };
}
