import { describe, expect, it } from 'vitest';
import { readClaim } from '../src/auth/oidc-claims.js';
import { isAuthenticationError } from '../src/index.js';
import { defaultName, keycloakRoles, rolesFromClaim } from '../src/oidc.js';

describe('rolesFromClaim', () => {
  const read = rolesFromClaim('reshaem_roles');

  it('reads grants, from an array or a JSON string, and no claim as none', () => {
    const grants = [{ role: 'coordinator', orgId: 'kam-roads' }, { role: 'applicant' }];
    expect(read({ reshaem_roles: grants })).toEqual(grants);
    expect(read({ reshaem_roles: JSON.stringify(grants) })).toEqual(grants);
    expect(read({})).toEqual([]);
  });

  it('refuses a claim that is there but malformed', () => {
    for (const value of [
      'not json',
      { role: 'coordinator' },
      [{ role: 'wizard' }],
      [{ role: 'head', orgId: '' }],
    ]) {
      let thrown: unknown;
      try {
        read({ reshaem_roles: value });
      } catch (error) {
        thrown = error;
      }
      expect(isAuthenticationError(thrown), JSON.stringify(value)).toBe(true);
    }
  });
});

describe('keycloakRoles', () => {
  it('gives realm roles the org claim, keeps role@org, and ignores Keycloak’s own roles and system', () => {
    const claims = {
      realm_access: {
        roles: [
          'offline_access',
          'uma_authorization',
          'coordinator',
          'executor@kam-gov',
          'system',
          'applicant',
        ],
      },
      org_id: 'kam-roads',
    };
    expect(keycloakRoles()(claims)).toEqual([
      { role: 'coordinator', orgId: 'kam-roads' },
      { role: 'executor', orgId: 'kam-gov' },
      { role: 'applicant' },
    ]);
  });

  it('reads one client’s roles when told, and a custom org claim', () => {
    const claims = {
      realm_access: { roles: ['admin'] },
      resource_access: { 'reshaem-api': { roles: ['head'] }, other: { roles: ['curator'] } },
      organisation: 'kam-gov',
    };
    expect(keycloakRoles({ clientId: 'reshaem-api', orgClaim: 'organisation' })(claims)).toEqual([
      { role: 'head', orgId: 'kam-gov' },
    ]);
    expect(keycloakRoles({ clientId: 'missing' })(claims)).toEqual([]);
  });

  it('leaves the organisation out when there is no org claim', () => {
    expect(keycloakRoles()({ realm_access: { roles: ['moderator'] } })).toEqual([
      { role: 'moderator' },
    ]);
  });
});

describe('defaultName', () => {
  it('takes name, else the parts in the order of Russian documents', () => {
    expect(defaultName({ name: 'Иванов Иван', family_name: 'X' })).toBe('Иванов Иван');
    expect(defaultName({ family_name: 'Сидоров', given_name: 'Пётр', middle_name: 'Ильич' })).toBe(
      'Сидоров Пётр Ильич',
    );
    expect(defaultName({ given_name: 'Пётр' })).toBe('Пётр');
    expect(defaultName({ name: '  ' })).toBeUndefined();
  });
});

describe('readClaim', () => {
  it('keeps ids exactly as sent, reads integer ids, and finds nothing in blanks or objects', () => {
    expect(readClaim({ sub: ' u1' }, 'sub')).toBe(' u1');
    expect(readClaim({ oid: 1000299353 }, 'oid')).toBe('1000299353');
    expect(readClaim({ oid: 1.5 }, 'oid')).toBeUndefined();
    expect(readClaim({ sub: ' ' }, 'sub')).toBeUndefined();
    expect(readClaim({ sub: { id: 'u1' } }, 'sub')).toBeUndefined();
    expect(readClaim({ user: { id: 'u1' } }, (claims) => (claims.user as { id: string }).id)).toBe(
      'u1',
    );
  });
});
