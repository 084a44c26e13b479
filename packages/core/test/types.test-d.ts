import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApplyResult,
  CaseRecord,
  Effect,
  Message,
  MessageEvent,
  MessageEventType,
  MessageSnapshot,
  MessageStatus,
  Role,
  ShownAnswer,
  ShownCase,
  ShownMessage,
  ViewerKind,
  WorkflowError,
} from '../src/index.js';
import {
  applyEvent,
  availableEvents,
  caseViewFor,
  messageStatuses,
  viewFor,
} from '../src/index.js';

describe('public types', () => {
  it('narrows events by their type', () => {
    type Assign = Extract<MessageEvent, { type: 'executor.assign' }>;
    expectTypeOf<Assign['executorId']>().toEqualTypeOf<string>();
    expectTypeOf<Assign['at']>().toEqualTypeOf<string>();
    expectTypeOf<Assign['by']['roles'][number]['role']>().toEqualTypeOf<Role>();
    expectTypeOf<'coordinator'>().toExtend<Role>();
    expectTypeOf<'janitor'>().not.toExtend<Role>();
    type Submit = Extract<MessageEvent, { type: 'answer.submit' }>;
    expectTypeOf<Submit['answer']['type']>().toEqualTypeOf<
      'resolved' | 'not_resolved' | 'postponed' | 'declined'
    >();
  });

  it('makes the result a discriminated union on ok', () => {
    expectTypeOf(applyEvent).returns.toEqualTypeOf<ApplyResult>();
    const result = {} as ApplyResult;
    if (result.ok) {
      expectTypeOf(result.snapshot).toEqualTypeOf<MessageSnapshot>();
      expectTypeOf(result.status).toEqualTypeOf<MessageStatus>();
      expectTypeOf(result.effects).toEqualTypeOf<Effect[]>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<WorkflowError>();
      expectTypeOf(result.error.kind).toEqualTypeOf<
        'invalid_payload' | 'not_allowed_in_status' | 'forbidden' | 'unsupported_definition'
      >();
    }
  });

  it('types the snapshot context and status metadata', () => {
    expectTypeOf<MessageSnapshot['context']['holdingOrgId']>().toEqualTypeOf<string>();
    expectTypeOf<MessageSnapshot['context']['answer']>().not.toBeAny();
    expectTypeOf(messageStatuses).toHaveProperty('answer_ready');
    expectTypeOf(availableEvents).returns.toEqualTypeOf<MessageEventType[]>();
  });

  it('shows a message as a ShownMessage every stored message already is', () => {
    expectTypeOf(viewFor).returns.toEqualTypeOf<ShownMessage>();
    expectTypeOf<Message>().toExtend<ShownMessage>();
    expectTypeOf<ShownMessage['answer']>().toEqualTypeOf<ShownAnswer | null>();
    expectTypeOf<ShownAnswer['preparedBy']>().toEqualTypeOf<string | null>();
    expectTypeOf<ViewerKind>().toEqualTypeOf<
      | 'system'
      | 'holding_official'
      | 'tree_official'
      | 'admin'
      | 'operator'
      | 'applicant'
      | 'public'
    >();
    expectTypeOf(caseViewFor).returns.toEqualTypeOf<ShownCase>();
    expectTypeOf<CaseRecord>().toExtend<ShownCase>();
  });
});
