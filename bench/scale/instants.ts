/** The instant the generated platform is observed at: fixed, so the fill is reproducible. */
export const refNow = '2026-12-01T00:00:00.000Z';
/** `refNow` moved by `ms`. */
export const refNowPlus = (ms: number) => new Date(Date.parse(refNow) + ms).toISOString();
