import { describe, expect, it } from 'vitest';
import {
  caseIndicatorScopeOf,
  caseViewScopeOf,
  createDirectory,
  type Principal,
  receivesPosMessages,
  roles,
  SYSTEM_PRINCIPAL,
} from '../../src/index.js';
import {
  demoDirectoryInput,
  demoUsers,
  onfDemoDirectoryInput,
  onfDemoUsers,
} from '../../src/testing/index.js';

/**
 * One directory with both workflows, as a deployment that runs both holds: the ПОС demo
 * organisations of Kamchatka and Ulyanovsk, and ОНФ organisations that receive no ПОС
 * message (no competence, no region to coordinate, no operator marker).
 */
const both = createDirectory({
  organisations: [
    ...(demoDirectoryInput.organisations ?? []),
    { id: 'rik-41', name: 'РИК ОНФ в Камчатском крае', regionCode: '41', subcategoryIds: [] },
    { id: 'nko-73', name: 'АНО «Волонтёры Ульяновска»', regionCode: '73', subcategoryIds: [] },
  ],
  users: [],
  catalogue: demoDirectoryInput.catalogue,
});
const staff = (id: string, ...grants: Principal['roles']): Principal => ({ id, roles: grants });

describe('who sees the ОНФ card indicators (caseIndicatorScopeOf)', () => {
  it('a supervisor and an ОНФ curator: their region’s cards, never an executor’s own', () => {
    expect(caseIndicatorScopeOf(onfDemoUsers.curator75, both)).toBeNull(); // rik-75 is not here
    const onfDirectory = createDirectory(onfDemoDirectoryInput);
    expect(caseIndicatorScopeOf(onfDemoUsers.curator75, onfDirectory)).toEqual({
      all: false,
      regionCodes: ['75'],
      executorId: null,
    });
    expect(caseIndicatorScopeOf(onfDemoUsers.multi75, onfDirectory)).toEqual({
      all: false,
      regionCodes: ['75'],
      executorId: null,
    });
    expect(
      caseIndicatorScopeOf(
        staff('two', { role: 'curator', orgId: 'rik-41' }, { role: 'supervisor', orgId: 'nko-73' }),
        both,
      ),
    ).toEqual({ all: false, regionCodes: ['41', '73'], executorId: null });
  });

  it('the ОНФ headquarters (a role held platform-wide) and the system: every region', () => {
    const onfDirectory = createDirectory(onfDemoDirectoryInput);
    expect(caseIndicatorScopeOf(onfDemoUsers.curatorHq, onfDirectory)?.all).toBe(true);
    expect(caseIndicatorScopeOf(staff('sup', { role: 'supervisor' }), both)?.all).toBe(true);
    expect(caseIndicatorScopeOf(SYSTEM_PRINCIPAL, both)?.all).toBe(true);
  });

  it('not the curator of an organisation that receives ПОС messages, who sees no card either', () => {
    const posCurator = demoUsers.curatorGov; // Правительство Камчатского края
    expect(receivesPosMessages(both.organisation('kam-gov')!)).toBe(true);
    expect(receivesPosMessages(both.organisation('rik-41')!)).toBe(false);
    // A ПОС role gives no card of the region, and no figures of them.
    expect(caseViewScopeOf(posCurator, both).regionCodes).toEqual([]);
    expect(caseIndicatorScopeOf(posCurator, both)).toBeNull();
    // …and a curator of both sees only the ОНФ organisation's region.
    const curatorOfBoth = staff(
      'both',
      { role: 'curator', orgId: 'uly-gov' },
      { role: 'curator', orgId: 'rik-41' },
    );
    expect(caseIndicatorScopeOf(curatorOfBoth, both)?.regionCodes).toEqual(['41']);
  });

  it('nobody else, whatever the organisation: executors, moderators, support, operators, ПОС staff', () => {
    const outside = roles.filter((r) => !['supervisor', 'curator', 'system'].includes(r));
    expect(outside).toEqual([
      'applicant',
      'operator',
      'moderator',
      'coordinator',
      'executor',
      'head',
      'admin',
      'support',
    ]);
    for (const role of outside) {
      for (const orgId of [undefined, 'rik-41', 'nko-73', 'kam-gov', 'uly-112']) {
        const grant = orgId === undefined ? { role } : { role, orgId };
        expect(caseIndicatorScopeOf(staff('x', grant), both), `${role} ${orgId}`).toBeNull();
      }
    }
    for (const user of Object.values(demoUsers)) {
      expect(caseIndicatorScopeOf(user, both), user.id).toBeNull();
    }
  });
});
