import {
  createIdTokenVerifier,
  isAuthenticationError,
  principalFromClaims,
} from '@reshaem/adapters-http/oidc';
import type { Directory, Principal } from '@reshaem/core';
import { claimsMapping, type OidcBrowserSettings, type OidcSettings } from './oidc.js';
import { challengeOf, type OidcFlow } from './oidc-flow.js';

/** A sign-in the portal refuses: the status and the sentence the error page shows. */
export class SignInRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 502,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SignInRefused';
  }
}

/** The pages' sign-in through an OpenID provider: the authorization code flow with PKCE. */
export interface OidcSignIn {
  /** «Войти через …». */
  readonly providerName: string;
  /** Where to send the browser: the provider's authorization endpoint for this flow. */
  authorizationUrl(flow: OidcFlow): Promise<string>;
  /** Redeems the code at the token endpoint and returns whom the verified ID token names. */
  complete(code: string, flow: OidcFlow): Promise<Principal>;
}

const unreachable = (cause: unknown) =>
  new SignInRefused(502, 'Сервер входа не отвечает. Попробуйте войти ещё раз позже.', { cause });

/**
 * The browser sign-in of `settings.browser`. The ID token is checked with jose by the
 * adapter's `createIdTokenVerifier` (keys and discovery as for the API's tokens) and mapped
 * to a principal with the same claims mapping as the API, the directory having the last word.
 *
 * @example
 * const signIn = createOidcSignIn(config.oidc, () => store.directory);
 * return c.redirect(await signIn.authorizationUrl(flow));
 */
export function createOidcSignIn(
  settings: OidcSettings & { browser: OidcBrowserSettings },
  directory: () => Directory,
  timeoutMs = 5000,
): OidcSignIn {
  const client = settings.browser;
  const idTokens = createIdTokenVerifier({
    issuer: settings.issuer,
    clientId: client.clientId,
    clockToleranceSeconds: settings.clockToleranceSeconds,
    fetchTimeoutMs: timeoutMs,
  });
  const endpoint = async (name: 'authorization_endpoint' | 'token_endpoint') => {
    let value: string | undefined;
    try {
      value = (await idTokens.provider())[name];
    } catch (error) {
      throw unreachable(error);
    }
    if (value === undefined) throw unreachable(new Error(`the provider has no ${name}`));
    return value;
  };

  async function redeem(code: string, flow: OidcFlow): Promise<string> {
    const url = await endpoint('token_endpoint');
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: flow.verifier,
    });
    if (client.clientSecret === undefined) {
      body.set('client_id', client.clientId);
    } else {
      // RFC 6749 §2.3.1: both parts form-encoded before Basic.
      const user = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    let response: Response;
    let answer: { id_token?: unknown; error?: unknown };
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      throw unreachable(error);
    }
    if (!response.ok) {
      const code = typeof answer.error === 'string' ? ` (${answer.error.slice(0, 60)})` : '';
      throw new SignInRefused(400, `Сервер входа не принял код входа${code}. Войдите ещё раз.`);
    }
    if (typeof answer.id_token !== 'string') {
      throw new SignInRefused(401, 'Сервер входа не выдал ID-токен.');
    }
    return answer.id_token;
  }

  return {
    providerName: client.providerName,
    async authorizationUrl(flow) {
      const url = new URL(await endpoint('authorization_endpoint'));
      const params = {
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope: client.scope,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: challengeOf(flow.verifier),
        code_challenge_method: 'S256',
      };
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return url.href;
    },
    async complete(code, flow) {
      const idToken = await redeem(code, flow);
      try {
        const claims = await idTokens.verify(idToken, flow.nonce);
        return principalFromClaims(claims, {
          directory: directory(),
          claims: claimsMapping(settings),
          unknownUsers: settings.unknownUsers,
        });
      } catch (error) {
        if (!isAuthenticationError(error)) throw unreachable(error);
        throw new SignInRefused(401, refusalText(error.message), { cause: error });
      }
    },
  };
}

/** The Russian sentence for a refused ID token or user. */
function refusalText(description: string): string {
  if (/not known|roles|system role|names no user/.test(description)) {
    return 'Этот пользователь сервера входа не допущен в портал.';
  }
  return 'Сервер входа выдал ID-токен, который портал не принимает.';
}
