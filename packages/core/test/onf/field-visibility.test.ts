import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseRecord,
  type CaseSnapshot,
  type CaseViewerKind,
  caseFieldRules,
  caseHistoryLineFor,
  caseStatusOf,
  caseViewerKinds,
  caseViewerOf,
  caseViewFor,
} from '../../src/index.js';
import { caseWalkArbitrary, runCaseWalk } from '../../src/testing/index.js';
import { directory, users } from './helpers.js';

/**
 * The ОНФ card rules, written from the decisions in docs/security.md (not imported): which
 * kinds see each part of a card. The intake (number, text, addresses, topic, labels,
 * source, dates) is everyone's.
 */
const W = ['system', 'assignee', 'supervisor', 'curator'] as const;
const expected: Record<string, readonly CaseViewerKind[]> = {
  applicant: caseViewerKinds,
  'applicant.contacts': [...W, 'support', 'operator'],
  assignment: [...W, 'support', 'moderator', 'executor'],
  contactAttempts: W,
  comments: [...W, 'support', 'moderator'],
  resolution: W,
  closure: W,
  postponement: W,
  lastReturn: W,
  rereview: [...W, 'moderator'],
  supportRequest: [...W, 'support'],
};
const assignmentFields = [
  'executorId',
  'orgId',
  'supervisorId',
  'assignedAt',
  'executionDueDate',
  'lock',
] as const;
const intake = [
  'id',
  'number',
  'createdAt',
  'updatedAt',
  'text',
  'regionCode',
  'municipality',
  'address',
  'sourceAddress',
  'categoryType',
  'categoryId',
  'subcategoryId',
  'urgent',
  'contactedBefore',
  'labels',
  'sourceSystem',
  'sourceId',
  'channel',
  'stream',
] as const satisfies readonly (keyof CaseRecord)[];

/** Cards the workflow reaches: the cards of 60 seeded random walks. */
const cards: CaseSnapshot[] = fc
  .sample(caseWalkArbitrary(directory, 3, 60), { numRuns: 60, seed: 16 })
  .flatMap((walk) => runCaseWalk(walk, directory).cards);

const sees = (kind: CaseViewerKind, part: string) => expected[part]?.includes(kind) ?? false;

describe('ОНФ card visibility: viewer × part × status', () => {
  it('the sample reaches every status and the parts that matter', () => {
    const statuses = new Set(cards.map(caseStatusOf));
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    expect(cards.some((c) => c.context.resolution !== null)).toBe(true);
    expect(cards.some((c) => c.context.contactAttempts.length > 0)).toBe(true);
    expect(cards.some((c) => c.context.comments.length > 0)).toBe(true);
  });

  it('the core table is the documented one', () => {
    expect(Object.keys(caseFieldRules).sort()).toEqual(Object.keys(expected).sort());
    for (const [part, kinds] of Object.entries(expected)) {
      expect(
        [...(caseFieldRules as Record<string, readonly string[]>)[part]!].sort(),
        part,
      ).toEqual([...kinds].sort());
    }
  });

  it('shows each part to each kind exactly where the rule says', () => {
    for (const snapshot of cards) {
      const card = snapshot.context;
      for (const kind of caseViewerKinds) {
        const view = caseViewFor({ kinds: [kind] }, card);
        const at = `${kind} × ${caseStatusOf(snapshot)}`;
        for (const field of intake) expect(view[field], `${at} × ${field}`).toEqual(card[field]);
        expect(view.applicant.name).toBe(card.applicant.name);
        if (sees(kind, 'applicant.contacts')) expect(view.applicant).toEqual(card.applicant);
        else
          expect(view.applicant, at).toEqual({
            name: card.applicant.name,
            phone: null,
            email: null,
          });
        for (const field of assignmentFields) {
          expect(view[field], `${at} × ${field}`).toEqual(
            sees(kind, 'assignment') ? card[field] : null,
          );
        }
        for (const part of ['contactAttempts', 'comments'] as const) {
          expect(view[part], `${at} × ${part}`).toEqual(sees(kind, part) ? card[part] : []);
        }
        for (const part of [
          'resolution',
          'closure',
          'postponement',
          'lastReturn',
          'rereview',
          'supportRequest',
        ] as const) {
          expect(view[part], `${at} × ${part}`).toEqual(sees(kind, part) ? card[part] : null);
        }
      }
    }
  });

  it('classifies the demo users by region and assignment', () => {
    const assigned = cards.find((c) => c.context.executorId === users.executor75.id);
    if (!assigned) throw new Error('no card assigned to exec-75');
    const card = assigned.context;
    const kinds = (p: (typeof users)[keyof typeof users]) => caseViewerOf(p, card, directory).kinds;
    expect(kinds(users.executor75)).toEqual(['assignee']);
    expect(kinds(users.executor75b)).toEqual(['executor']);
    expect(kinds(users.supervisor75)).toEqual(['supervisor']);
    expect(kinds(users.curator75)).toEqual(['curator']);
    expect(kinds(users.curator51)).toEqual([]);
    expect(kinds(users.moderator)).toEqual(['moderator']);
    expect(kinds(users.operator)).toEqual(['operator']);
    expect(kinds(users.multi75)).toEqual(['supervisor', 'executor']);
  });

  it('empties a history line that speaks of a part the viewer does not see', () => {
    const record = {
      messageId: 'c-1',
      workflow: 'onf' as const,
      type: 'case.resolve' as const,
      at: '2025-01-15T03:00:00.000Z',
      by: { id: users.executor75.id },
      fromStatus: 'in_work' as const,
      toStatus: 'curator_check' as const,
      holdingOrgId: 'rik-75',
      payload: { description: 'Лекарства доставлены' },
    };
    expect(caseHistoryLineFor({ kinds: ['curator'] }, record)).toBe(record);
    expect(caseHistoryLineFor({ kinds: ['moderator'] }, record).payload).toEqual({});
    expect(
      caseHistoryLineFor({ kinds: ['operator'] }, { ...record, type: 'case.create' }).payload,
    ).toEqual(record.payload);
  });
});
