import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { styles } from '../web/styles.js';

/** The CSP source of the one inline stylesheet the layout puts on every page. */
export const STYLESHEET_HASH = `'sha256-${createHash('sha256').update(styles).digest('base64')}'`;

/**
 * Hono's `secureHeaders` for the server-rendered pages (and `/demo/users`).
 *
 * The Content-Security-Policy: the pages load nothing from elsewhere, so everything is
 * denied (`default-src 'none'`) except the layout's own stylesheet, allowed by its hash
 * rather than `'unsafe-inline'`; the maps' script and stylesheet files, served by this site
 * (`'self'`; no inline script, no `eval`); images of this site, and of the tile server
 * when one is configured (`tileOrigin`); and forms posting to this site; `frame-ancestors 'none'` keeps every other site from
 * framing a page (clickjacking a button of a message card). Then `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`, and
 * `Referrer-Policy: same-origin` — not `no-referrer`, which would make browsers send
 * `Origin: null` with the pages' own form posts, and the CSRF check refuses those. HSTS is
 * left to the TLS-terminating proxy, which knows whether the site is served over HTTPS.
 *
 * @example
 * app.use(pageHeaders());
 */
export function pageHeaders(options: { tileOrigin?: string | undefined } = {}): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: [STYLESHEET_HASH, "'self'"],
      imgSrc: ["'self'", ...(options.tileOrigin ? [options.tileOrigin] : [])],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });
}
