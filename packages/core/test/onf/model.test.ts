import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  type CaseMachineEvent,
  type CaseSnapshot,
  caseAcceptsEvent,
  caseEventTypes,
  caseMachine,
  caseStatusOf,
  caseStatusSchema,
  FEDERAL_LABEL,
  isCasePermitted,
  SYSTEM_PRINCIPAL,
} from '../../src/index.js';
import { plausibleCasePayload } from '../../src/testing/index.js';
import { at, directory, reach, send, start, users } from './helpers.js';

const by = users.executor75;
const base = { at: at(1), by };
/** One event of every type, with payloads the guards can take. */
const sampleEvents: CaseMachineEvent[] = [
  { ...base, type: 'case.assign', executorId: 'exec-75', orgId: 'rik-75', executionDueDate: null },
  { ...base, type: 'case.lock', heldCardIds: [] },
  { ...base, type: 'case.release' },
  { ...base, type: 'case.comment', text: 'Звонил' },
  { ...base, type: 'case.contact_attempt', outcome: 'no_answer', day: '2025-01-15', comment: null },
  { ...base, type: 'case.federal_level', comment: null },
  { ...base, type: 'case.resolve', description: 'Готово', files: [] },
  { ...base, type: 'case.postpone', until: '2025-03-01', reason: 'Стройка', comment: null },
  {
    ...base,
    type: 'case.close_request',
    reason: 'declined_help',
    comment: null,
    duplicateOf: null,
  },
  { ...base, type: 'case.close_request', reason: 'duplicate', comment: null, duplicateOf: null },
  { ...base, type: 'case.rereview_request', reason: 'wrong_region', comment: null },
  {
    ...{ ...base, type: 'case.rereview_fix', regionCode: '75', municipality: null },
    ...{ categoryType: 'ogv', categoryId: 'roads', subcategoryId: null, comment: null },
  },
  {
    ...{ ...base, type: 'case.rereview_fix', regionCode: '51', municipality: null },
    ...{ categoryType: 'ogv', categoryId: 'roads', subcategoryId: null, comment: null },
  },
  {
    ...base,
    type: 'case.support_request',
    corrections: [{ field: 'phone', value: '1' }],
    comment: null,
  },
  { ...base, type: 'case.support_fix', changes: { phone: '+79140000000' }, comment: null },
  { ...base, type: 'case.accept', comment: null },
  { ...base, type: 'case.return', comment: 'Доработать' },
  { ...base, type: 'case.postponement_due', until: '2025-03-01' },
];

const paths = getShortestPaths(caseMachine, {
  events: sampleEvents,
  input: { card: start().context },
  // The log and the contact attempts grow without end: explore the chart and the context
  // the guards read (the label, the region, which result waits, a returned request).
  serializeState: (s) =>
    JSON.stringify([
      s.value,
      s.context.card.labels,
      s.context.card.regionCode,
      s.context.card.closure !== null,
      s.context.card.lastReturn?.unmet,
    ]),
});

describe('model: the case machine graph', () => {
  it('reaches every status and every lock state', () => {
    const statuses = new Set(paths.map((p) => caseStatusOf(p.state)));
    expect([...statuses].sort()).toEqual([...caseStatusSchema.options].sort());
    const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect([...values].sort()).toEqual(
      Object.keys(reach)
        .map((k) => {
          const [status, lock] = k.split('.');
          return JSON.stringify(
            status === 'in_work' || status === 'postponed' ? { [status]: lock ?? 'free' } : status,
          );
        })
        .sort(),
    );
  });

  it('accepts exactly the events the machine can take, but for guards that look at the card', () => {
    for (const path of paths) {
      const snap = createActor(caseMachine, {
        input: path.state.context,
        snapshot: caseMachine.resolveState({
          value: path.state.value,
          context: path.state.context,
        }),
      }).getSnapshot();
      for (const event of sampleEvents) {
        const accepts = caseAcceptsEvent(path.state, event.type);
        const can = snap.can(event);
        if (can) expect(accepts, `${event.type} in ${JSON.stringify(path.state.value)}`).toBe(true);
        if (accepts && !can) {
          expect(
            event.type === 'case.federal_level' &&
              path.state.context.card.labels.includes(FEDERAL_LABEL),
          ).toBe(true);
        }
      }
    }
  });
});

describe('model: every event in every status through the workflow', () => {
  for (const [name, get] of Object.entries(reach)) {
    for (const type of caseEventTypes) {
      const snapshot: CaseSnapshot = get();
      const status = caseStatusOf(snapshot);
      const accepted = caseAcceptsEvent(snapshot, type);
      it(`${type} in ${name}: ${accepted ? 'allowed' : 'refused'}`, () => {
        const sender = [...directory.users, SYSTEM_PRINCIPAL].find((u) =>
          isCasePermitted(type, u, snapshot.context, status, directory),
        );
        const payload = plausibleCasePayload(type, snapshot, directory, at(900));
        const result = send(snapshot, { type, by: sender ?? users.curatorHq, ...payload }, 900);
        if (accepted) {
          expect(sender, `someone may send ${type} in ${name}`).toBeDefined();
          expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.kind).toBe('not_allowed_in_status');
        }
      });
    }
  }
});
