import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Provider from 'oidc-provider';
import type { SigningKey } from '../../../packages/adapters-http/test/oidc-provider.js';

export const CLIENT_SECRET = 'portal-client-secret-that-is-long-enough';

/** A real OpenID provider with authorization-code clients and its dev login and consent pages. */
export interface LoginProvider {
  issuer: string;
  /**
   * Logs `login` in at an authorization URL the way a browser would (the dev login form,
   * then the consent form, cookies kept) and returns the redirect back to the client.
   */
  authorize(authorizationUrl: string, login: string): Promise<string>;
  /** The ID token the provider gives `clientId` for a sign-in with `nonce`, by hand. */
  idToken(clientId: string, redirectUri: string, login: string, nonce: string): Promise<string>;
  close(): Promise<void>;
}

/** A browser's cookies, by name (paths are ignored: one provider, one test). */
class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const hidden = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );

/**
 * `oidc-provider` 8 on 127.0.0.1 with clients using the authorization code flow, PKCE
 * required, and its development interactions (a login form that takes any password, a
 * consent form), so a test can sign in with `fetch` alone. Every login is an account.
 */
export async function startLoginProvider(options: {
  keys: SigningKey[];
  clients: { clientId: string; redirectUri: string }[];
}): Promise<LoginProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: options.clients.map(({ clientId, redirectUri }) => ({
      client_id: clientId,
      client_secret: CLIENT_SECRET,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
    })),
    jwks: { keys: options.keys.map((key) => key.privateJwk) },
    cookies: { keys: ['test-cookie-key-of-the-login-provider'] },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    features: { devInteractions: { enabled: true } },
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    response.setHeader('connection', 'close');
    callback(request, response);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function authorize(authorizationUrl: string, login: string): Promise<string> {
    const jar = new CookieJar();
    let url = authorizationUrl;
    let form: Record<string, string> | undefined;
    for (let step = 0; step < 12; step += 1) {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        headers: {
          cookie: jar.header(),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form) } : {}),
        redirect: 'manual',
      });
      jar.take(response);
      form = undefined;
      const location = response.headers.get('location');
      if (location !== null) {
        const next = new URL(location, url).href;
        if (!next.startsWith(issuer)) return next;
        url = next;
        continue;
      }
      const html = await response.text();
      const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
      if (response.status !== 200 || action === undefined) {
        throw new Error(`provider at ${url}: ${response.status} ${html.slice(0, 300)}`);
      }
      const fields = hidden(html);
      form = fields.prompt === 'login' ? { ...fields, login, password: 'any' } : fields;
      url = new URL(action, url).href;
    }
    throw new Error('the provider never sent the browser back');
  }

  return {
    issuer,
    authorize,
    async idToken(clientId, redirectUri, login, nonce) {
      const verifier = randomBytes(32).toString('base64url');
      const url = new URL(`${issuer}/auth`);
      const params = {
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: 'openid',
        state: 'by-hand',
        nonce,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      };
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      const code = new URL(await authorize(url.href, login)).searchParams.get('code') ?? '';
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${CLIENT_SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      });
      const body = (await response.json()) as { id_token?: string };
      if (body.id_token === undefined) throw new Error(`no ID token: ${JSON.stringify(body)}`);
      return body.id_token;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
