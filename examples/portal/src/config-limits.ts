/** At most `limit` requests in every `windowMs` (a fixed window). */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The portal's rate limits; `null` turns one off. */
export interface RateLimits {
  /** `POST /sign-in` per client address: password spraying, scripted sign-ins. */
  signInPerAddress: RateLimit | null;
  /** `POST /sign-in` per user signed in as: guessing one user's token from many addresses. */
  signInPerAccount: RateLimit | null;
  /** New messages (the API's `POST /api/messages` and the pages' forms) per signed-in user. */
  submitPerUser: RateLimit | null;
  /** New messages per client address, whoever is signed in. */
  submitPerAddress: RateLimit | null;
  /** Open311 `POST requests` per integration partner (its `api_key`). */
  open311PerPartner: RateLimit | null;
}

/**
 * The defaults, and why: a person signs in a few times a day, but an office or a 112
 * centre behind one NAT address signs in together at nine, hence 20 a minute per address
 * and 10 a minute per account; a citizen files a few messages a day, hence 20 an hour per
 * user, and 120 an hour per address for a building full of them. An Open311 partner relays
 * many citizens' messages from one server, hence 1,000 an hour per partner.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerAddress: { limit: 20, windowMs: 60_000 },
  signInPerAccount: { limit: 10, windowMs: 60_000 },
  submitPerUser: { limit: 20, windowMs: 3_600_000 },
  submitPerAddress: { limit: 120, windowMs: 3_600_000 },
  open311PerPartner: { limit: 1000, windowMs: 3_600_000 },
};

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `20/1m`, `10/30s`, `20/1h` → a limit; `off` → `null`.
 *
 * @example
 * parseRateLimit('20/1h', 'RESHAEM_RATE_SUBMIT_USER'); // { limit: 20, windowMs: 3600000 }
 */
export function parseRateLimit(text: string, name: string): RateLimit | null {
  if (text.toLowerCase() === 'off') return null;
  const match = text.match(/^(\d{1,9})\/(\d{1,6})([smh])$/);
  const limit = Number(match?.[1]);
  const windowMs = Number(match?.[2]) * (UNITS[match?.[3] ?? ''] ?? Number.NaN);
  if (!match || limit < 1 || !(windowMs >= 1000)) {
    throw new Error(`${name} must look like 20/1m, 10/30s or 20/1h (or off), got «${text}»`);
  }
  return { limit, windowMs };
}

/**
 * The rate limits from the environment: `RESHAEM_RATE_SIGN_IN_ADDRESS`,
 * `RESHAEM_RATE_SIGN_IN_ACCOUNT`, `RESHAEM_RATE_SUBMIT_USER`, `RESHAEM_RATE_SUBMIT_ADDRESS`,
 * `RESHAEM_RATE_OPEN311_PARTNER`,
 * each `<count>/<window>` or `off`; {@link DEFAULT_RATE_LIMITS} for those not set.
 */
export function readRateLimits(env: Readonly<Record<string, string | undefined>>): RateLimits {
  const read = (name: string, fallback: RateLimit | null) => {
    const text = env[name];
    return text === undefined || text === '' ? fallback : parseRateLimit(text, name);
  };
  return {
    signInPerAddress: read('RESHAEM_RATE_SIGN_IN_ADDRESS', DEFAULT_RATE_LIMITS.signInPerAddress),
    signInPerAccount: read('RESHAEM_RATE_SIGN_IN_ACCOUNT', DEFAULT_RATE_LIMITS.signInPerAccount),
    submitPerUser: read('RESHAEM_RATE_SUBMIT_USER', DEFAULT_RATE_LIMITS.submitPerUser),
    submitPerAddress: read('RESHAEM_RATE_SUBMIT_ADDRESS', DEFAULT_RATE_LIMITS.submitPerAddress),
    open311PerPartner: read('RESHAEM_RATE_OPEN311_PARTNER', DEFAULT_RATE_LIMITS.open311PerPartner),
  };
}
