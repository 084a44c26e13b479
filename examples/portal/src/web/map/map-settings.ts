/** The tile server of the portal's maps: a URL template and the attribution it requires. */
export interface MapTiles {
  /** `https://tile.example.org/{z}/{x}/{y}.png` (`{s}` for subdomains is allowed). */
  url: string;
  /** The text the tile server's licence asks for, shown in the map's corner. */
  attribution: string;
  /** The template's origin, which the pages' Content-Security-Policy allows images from. */
  origin: string;
}

/** The pages' maps: tiles when configured; without them, a blank map with the region's box. */
export interface MapSettings {
  tiles?: MapTiles;
}

/**
 * Checks a tile URL template: `http(s)`, with `{z}`, `{x}` and `{y}`, and a host that is a
 * fixed name (a `{s}` subdomain makes the origin `*.host`).
 *
 * @example
 * mapTilesOf('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '© OpenStreetMap');
 */
export function mapTilesOf(url: string, attribution: string): MapTiles {
  const wrong = (why: string) =>
    new Error(
      `RESHAEM_MAP_TILES must be a tile URL template like https://tile.example.org/{z}/{x}/{y}.png: ${why}, got «${url}»`,
    );
  if (!/^https?:\/\//i.test(url)) throw wrong('it starts with http:// or https://');
  for (const part of ['{z}', '{x}', '{y}'])
    if (!url.includes(part)) throw wrong(`${part} is missing`);
  const sample = url.replaceAll('{s}', 'a').replace(/\{[a-z]+\}/g, '0');
  let parsed: URL;
  try {
    parsed = new URL(sample);
  } catch {
    throw wrong('it is not a URL');
  }
  if (/[\s'";]/.test(url)) throw wrong('it holds spaces or quotes');
  const host = url.includes('{s}') ? parsed.host.replace(/^a\./, '*.') : parsed.host;
  return { url, attribution: attribution.trim(), origin: `${parsed.protocol}//${host}` };
}

/**
 * The maps from the environment: `RESHAEM_MAP_TILES` (a tile URL template; none by default,
 * so no page loads anything from another site) and `RESHAEM_MAP_ATTRIBUTION` (the text the
 * tile server's licence asks for).
 *
 * @example
 * readMapSettings({ RESHAEM_MAP_TILES: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
 *   RESHAEM_MAP_ATTRIBUTION: '© участники OpenStreetMap' });
 */
export function readMapSettings(env: Readonly<Record<string, string | undefined>>): MapSettings {
  const url = env.RESHAEM_MAP_TILES;
  if (url === undefined || url.trim() === '') return {};
  return { tiles: mapTilesOf(url.trim(), env.RESHAEM_MAP_ATTRIBUTION ?? '') };
}
