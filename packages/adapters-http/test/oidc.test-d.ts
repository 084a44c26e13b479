import type { Principal, RoleGrant } from '@reshaem/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Authenticate } from '../src/index.js';
import {
  type Claims,
  createOidcAuthenticate,
  type OidcAuthenticateOptions,
  type RolesFromClaims,
} from '../src/oidc.js';

describe('the oidc subpath types', () => {
  it('makes an Authenticate the app takes', () => {
    expectTypeOf(createOidcAuthenticate).returns.toEqualTypeOf<Authenticate>();
    expectTypeOf<ReturnType<Authenticate>>().toEqualTypeOf<
      Principal | null | Promise<Principal | null>
    >();
  });

  it('needs an issuer, an audience and a directory; the rest is optional', () => {
    type Required = {
      [K in keyof OidcAuthenticateOptions as object extends Pick<OidcAuthenticateOptions, K>
        ? never
        : K]: true;
    };
    expectTypeOf<keyof Required>().toEqualTypeOf<'issuer' | 'audience' | 'directory'>();
  });

  it('maps claims to role grants', () => {
    expectTypeOf<RolesFromClaims>().toEqualTypeOf<(claims: Claims) => RoleGrant[]>();
  });
});
