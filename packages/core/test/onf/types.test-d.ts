import { describe, expectTypeOf, it } from 'vitest';
import type {
  CaseApplyResult,
  CaseEffect,
  CaseEvent,
  CaseEventType,
  CaseSnapshot,
  CaseStatus,
  CaseWorkflowError,
  CloseReason,
} from '../../src/index.js';
import { applyCaseEvent, availableCaseEvents, caseStatuses } from '../../src/index.js';

describe('public ОНФ types', () => {
  it('narrows events by their type', () => {
    type Close = Extract<CaseEvent, { type: 'case.close_request' }>;
    expectTypeOf<Close['reason']>().toEqualTypeOf<CloseReason>();
    expectTypeOf<Close['duplicateOf']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<'case.lock'>().toExtend<CaseEventType>();
    expectTypeOf<'work.take'>().not.toExtend<CaseEventType>();
    expectTypeOf<'support'>().toExtend<CaseStatus>();
  });

  it('returns results shaped like the ПОС ones, with the lock conflict as an error kind', () => {
    expectTypeOf(applyCaseEvent).returns.toEqualTypeOf<CaseApplyResult>();
    const result = {} as CaseApplyResult;
    if (result.ok) {
      expectTypeOf(result.snapshot).toEqualTypeOf<CaseSnapshot>();
      expectTypeOf(result.effects).toEqualTypeOf<CaseEffect[]>();
      expectTypeOf(result.record.messageId).toEqualTypeOf<string>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<CaseWorkflowError>();
      expectTypeOf(result.error.kind).toEqualTypeOf<
        | 'invalid_payload'
        | 'forbidden'
        | 'not_allowed_in_status'
        | 'lock_conflict'
        | 'unsupported_definition'
      >();
    }
    expectTypeOf(availableCaseEvents).returns.toEqualTypeOf<CaseEventType[]>();
    expectTypeOf(caseStatuses).toHaveProperty('postponed');
  });
});
