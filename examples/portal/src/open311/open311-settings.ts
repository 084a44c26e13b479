import { readFileSync } from 'node:fs';

/** An integration partner of the portal's Open311 endpoint, as its operator lists it. */
export interface Open311PartnerEntry {
  /** The partner's principal id, recorded as who submitted its messages. */
  id: string;
  /** The name recorded on its messages («Дневник ЕПГУ»). */
  name: string;
  /** The SHA-256 of its `api_key`, 64 hex digits: the file never holds a key itself. */
  keySha256: string;
}

/** The portal's Open311 GeoReport v2 endpoint (`/open311/v2`). */
export interface Open311Settings {
  /** Serve it; on by default (`RESHAEM_OPEN311=0` turns it off). */
  enabled: boolean;
  /** Discovery's `contact`: who runs the endpoint. */
  contact: string;
  /** The partners allowed to submit, from `RESHAEM_OPEN311_PARTNERS` (none by default). */
  partners: Open311PartnerEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the partners file's content: a JSON array of `{ id, name, keySha256 }`, ids and key
 * hashes each once.
 *
 * @example
 * parseOpen311Partners('[{"id":"dnevnik","name":"Дневник ЕПГУ","keySha256":"9f86…"}]', 'partners.json');
 */
export function parseOpen311Partners(text: string, source: string): Open311PartnerEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const wrong = (what: string) =>
    new Error(`${source}: ${what}; expected [{ "id", "name", "keySha256" }, …]`);
  if (!Array.isArray(data)) throw wrong('not an array');
  const partners = data.map((entry: unknown, i) => {
    if (!isRecord(entry)) throw wrong(`entry ${i} is not an object`);
    const { id, name, keySha256 } = entry;
    if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(id)) {
      throw wrong(`entry ${i}: id must be 1–100 letters, digits, «.», «_» or «-»`);
    }
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
      throw wrong(`entry ${i}: name must be a non-empty text of at most 200 characters`);
    }
    if (typeof keySha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(keySha256)) {
      throw wrong(`entry ${i}: keySha256 must be 64 hex digits (printf %s "$KEY" | sha256sum)`);
    }
    return { id, name: name.trim(), keySha256: keySha256.toLowerCase() };
  });
  for (const field of ['id', 'keySha256'] as const) {
    const values = partners.map((p) => p[field]);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice !== undefined) throw wrong(`${field} «${twice}» is listed twice`);
  }
  return partners;
}

/**
 * The Open311 settings from the environment: `RESHAEM_OPEN311` (`0` turns the endpoint
 * off), `RESHAEM_OPEN311_PARTNERS` (the path of the partners file, see
 * {@link parseOpen311Partners}) and `RESHAEM_OPEN311_CONTACT`.
 *
 * @example
 * readOpen311Settings({ RESHAEM_OPEN311_PARTNERS: '/etc/reshaem/open311-partners.json' });
 */
export function readOpen311Settings(
  env: Readonly<Record<string, string | undefined>>,
): Open311Settings {
  const off = ['0', 'false', 'no', 'off'].includes((env.RESHAEM_OPEN311 ?? '').toLowerCase());
  const file = env.RESHAEM_OPEN311_PARTNERS;
  let partners: Open311PartnerEntry[] = [];
  if (file !== undefined && file !== '') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(
        `RESHAEM_OPEN311_PARTNERS: cannot read ${file} (${(error as Error).message})`,
      );
    }
    partners = parseOpen311Partners(text, file);
  }
  return { enabled: !off, contact: env.RESHAEM_OPEN311_CONTACT ?? '', partners };
}
