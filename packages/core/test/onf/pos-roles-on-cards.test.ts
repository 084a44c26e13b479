import { describe, expect, it } from 'vitest';
import {
  applyCaseEvent,
  type CaseEventType,
  caseAcceptsEvent,
  caseEventTypes,
  caseIndicatorScopeOf,
  caseViewerOf,
  caseViewFor,
  caseViewScopeOf,
  createDirectory,
  isCasePermitted,
  isOnfOrganisation,
  type Principal,
  type Role,
  renderCaseNotifications,
} from '../../src/index.js';
import { onfDemoDirectoryInput } from '../../src/testing/index.js';
import { at, eventPayload as payload, reach, users } from './helpers.js';

/**
 * Region 75 as a deployment of both workflows holds it: the ОНФ demo world (РИК 75 and the
 * rest, no `workflow` set, as an ОНФ-only directory has them) and three ПОС organisations of
 * the same region — a government that coordinates it, a ministry competent for a
 * subcategory, and one with no subcategory list that says `workflow: 'pos'` outright.
 */
const posOrgIds = ['gov-75', 'roads-75', 'all-75'] as const;
const cardRoles: Role[] = ['supervisor', 'curator', 'moderator', 'support', 'operator', 'executor'];
const posPeople: Principal[] = posOrgIds.flatMap((orgId) =>
  cardRoles.map((role) => ({ id: `pos-${role}-${orgId}`, roles: [{ role, orgId }] })),
);
const mail = (u: Principal) => ({ ...u, email: `${u.id}@example.ru` });
const directory = createDirectory({
  ...onfDemoDirectoryInput,
  organisations: [
    ...(onfDemoDirectoryInput.organisations ?? []),
    {
      id: 'gov-75',
      name: 'Правительство Забайкальского края',
      regionCode: '75',
      coordinatesRegion: true,
    },
    {
      id: 'roads-75',
      name: 'Минтранс Забайкалья',
      regionCode: '75',
      subcategoryIds: ['road-repair'],
    },
    { id: 'all-75', name: 'Администрация Читы', regionCode: '75', workflow: 'pos' },
  ],
  users: [...(onfDemoDirectoryInput.users ?? []), ...posPeople].map(mail),
});

const sendAs = (state: string, type: CaseEventType, by: Principal) =>
  applyCaseEvent(reach[state]!(), { type, at: at(900), by, ...payload[type] } as never, directory, {
    heldCardIds: [],
  });

describe('a role held in a ПОС organisation gives nothing on ОНФ cards', () => {
  it('tells the organisations apart: explicit workflow first, else whether it receives ПОС messages', () => {
    const kind = (id: string) => isOnfOrganisation(directory.organisation(id));
    expect(['rik-75', 'nko-75', 'onf-hq'].map(kind)).toEqual([true, true, true]);
    expect(posOrgIds.map(kind)).toEqual([false, false, false]);
    expect(isOnfOrganisation(undefined)).toBe(false);
    const explicit = { id: 'x', name: 'x', parentId: null, regionCode: '75' } as const;
    expect(isOnfOrganisation({ ...explicit, coordinatesRegion: true, workflow: 'onf' })).toBe(true);
    expect(isOnfOrganisation({ ...explicit, coordinatesRegion: false })).toBe(true);
  });

  for (const state of Object.keys(reach)) {
    it(`${state}: every event the card takes is refused to each ПОС role of region 75`, () => {
      const snapshot = reach[state]!();
      const taken = caseEventTypes.filter((t) => caseAcceptsEvent(snapshot, t));
      for (const type of taken) {
        for (const person of posPeople) {
          expect(isCasePermitted(type, person, snapshot.context, null, directory)).toBe(false);
          const result = sendAs(state, type, person);
          expect(result.ok, `${person.id} sent ${type}`).toBe(false);
          if (!result.ok) expect(result.error.kind).toBe('forbidden');
        }
      }
    });
  }

  it('refuses case.create to a ПОС operator of the region', () => {
    const card = reach.new!().context;
    const operator = posPeople.find((p) => p.id === 'pos-operator-gov-75')!;
    expect(isCasePermitted('case.create', operator, card, null, directory)).toBe(false);
    expect(isCasePermitted('case.create', users.operator, card, null, directory)).toBe(true);
  });

  it('the ОНФ curator of the same region still accepts and returns', () => {
    for (const type of ['case.accept', 'case.return'] as const) {
      const posCurator = posPeople.find((p) => p.id === 'pos-curator-gov-75')!;
      const refused = sendAs('curator_check', type, posCurator);
      expect(!refused.ok && refused.error.kind).toBe('forbidden');
      const done = sendAs('curator_check', type, users.curator75);
      expect(done.ok).toBe(true);
    }
  });

  it('shows a ПОС role no card field, lists no card and counts no indicator', () => {
    const card = reach.curator_check!().context;
    for (const person of posPeople) {
      const viewer = caseViewerOf(person, card, directory);
      expect(viewer.kinds, person.id).toEqual([]);
      const shown = caseViewFor(viewer, card);
      expect(shown.resolution).toBeNull();
      expect(shown.applicant.phone).toBeNull();
      expect(shown.executorId).toBeNull();
      expect(caseViewScopeOf(person, directory)).toEqual({
        all: false,
        regionCodes: [],
        executorId: null,
      });
      expect(caseIndicatorScopeOf(person, directory)).toBeNull();
    }
    const curator = caseViewerOf(users.curator75, card, directory);
    expect(curator.kinds).toEqual(['curator']);
    expect(card.resolution).not.toBeNull();
    expect(caseViewFor(curator, card).resolution).toEqual(card.resolution);
  });

  it('mails the region’s staff notices to ОНФ staff only', () => {
    const snapshot = reach.curator_check!();
    const roles = ['curator', 'supervisor', 'moderator', 'support'] as const;
    const rendered = renderCaseNotifications(
      roles.map((role) => ({
        type: 'notify',
        messageId: snapshot.context.id,
        to: { kind: 'staff', role, regionCode: '75' },
        reason: 'case_review_requested',
      })),
      snapshot.context,
      'curator_check',
      directory,
    );
    const to = rendered.emails.flatMap((e) => e.to);
    expect(to).toContain('cur-75@example.ru');
    expect(to).toContain('sup-75@example.ru');
    expect(to.filter((address) => address.startsWith('pos-'))).toEqual([]);
  });
});
