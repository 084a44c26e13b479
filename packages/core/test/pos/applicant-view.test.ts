import { describe, expect, it } from 'vitest';
import {
  applicantHistoryRecord,
  applicantView,
  type Principal,
  seesOnlyAsApplicant,
  statusOf,
  viewScopeOf,
} from '../../src/index.js';
import { directory, drive, start, toAnswerSent, toApproval, users } from '../helpers.js';

const scope = (p: Principal) => viewScopeOf(p, directory);

describe('seesOnlyAsApplicant', () => {
  const snapshot = drive(start(), toApproval);
  const only = (p: Principal) =>
    seesOnlyAsApplicant(scope(p), snapshot.context, statusOf(snapshot));

  it('holds for the sender who has no other way to the message', () => {
    expect(only(users.applicant)).toBe(true);
  });

  it('does not hold for staff, other applicants, or a sender who is also staff there', () => {
    expect(only(users.coordinatorRoads)).toBe(false);
    expect(only(users.headRoads)).toBe(false);
    expect(only(users.applicant2)).toBe(false);
    const alsoHead: Principal = {
      ...users.applicant,
      roles: [...users.applicant.roles, { role: 'head', orgId: 'kam-roads' }],
    };
    expect(only(alsoHead)).toBe(false);
  });
});

describe('applicantView', () => {
  it('hides a draft answer and shows an approved one', () => {
    const draft = drive(start(), toApproval).context;
    expect(draft.answer).not.toBeNull();
    expect(applicantView(draft).answer).toBeNull();
    const approved = drive(start(), toAnswerSent).context;
    // The approved answer, without the officials who prepared and approved it.
    expect(applicantView(approved).answer).toEqual({
      ...approved.answer,
      preparedBy: null,
      approvedBy: null,
    });
  });

  it('clears routing and people, keeps status data, and leaves the message untouched', () => {
    const message = drive(start(), toApproval).context;
    const before = JSON.stringify(message);
    const shown = applicantView(message);
    expect(shown).toMatchObject({
      coordinatorId: null,
      executorId: null,
      headId: null,
      executionDueAt: null,
      lastReturnComment: null,
      pendingExtension: null,
      delegatedByAutorule: null,
    });
    expect(shown.responseDueAt).toBe(message.responseDueAt);
    expect(shown.applicant).toEqual(message.applicant);
    expect(JSON.stringify(message)).toBe(before);
  });
});

describe('applicantHistoryRecord', () => {
  const record = {
    messageId: 'm-1',
    type: 'answer.return' as const,
    at: '2025-01-16T00:00:00.000Z',
    by: { id: users.headRoads.id, name: users.headRoads.name },
    fromStatus: 'on_approval' as const,
    toStatus: 'in_work' as const,
    holdingOrgId: 'kam-roads',
    payload: { comment: 'Приложите фото' },
  };

  it('hides a step that does not concern the applicant, such as a return for rework', () => {
    expect(applicantHistoryRecord(record, users.applicant.id, directory)).toBeNull();
  });

  it('names the organisation instead of the official and drops what they wrote', () => {
    const approve = {
      ...record,
      type: 'answer.approve' as const,
      toStatus: 'answer_sent' as const,
    };
    const shown = applicantHistoryRecord(approve, users.applicant.id, directory);
    expect(shown?.by).toEqual({ id: 'kam-roads', name: directory.organisation('kam-roads')?.name });
    expect(shown?.payload).toEqual({});
    expect(shown?.toStatus).toBe('answer_sent');
  });

  it('keeps the applicant’s own records whole', () => {
    const own = { ...record, type: 'rating.submit' as const, by: { id: users.applicant.id } };
    expect(applicantHistoryRecord(own, users.applicant.id, directory)).toBe(own);
  });
});
