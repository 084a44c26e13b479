import { SYSTEM_PRINCIPAL } from '../../../src/index.js';
import { at, drive, start, toApproval, toInWork, users } from '../../helpers.js';

/** A v1 message whose postponed answer went out: `answer_sent`, postponement due 30.04. */
export const postponedSent = () =>
  drive(start(), [
    ...toInWork,
    {
      type: 'answer.submit',
      by: users.executorRoads,
      answer: { type: 'postponed', text: 'Ремонт весной', postponedUntil: '2025-05-01' },
    },
    { type: 'answer.approve', by: users.headRoads },
  ]);

export const postponementDue = {
  type: 'postponement.due',
  at: '2025-04-30T12:00:00.000Z',
  by: SYSTEM_PRINCIPAL,
  until: '2025-05-01',
};

/** A v1 message in status `postponed` (state `postponed`). */
export const postponedV1 = () => drive(postponedSent(), [postponementDue], 100);

/** A v1 message awaiting approval, where v2 no longer takes `registration.update`. */
export const onApprovalV1 = () => drive(start(), toApproval);

export const registrationUpdate = {
  type: 'registration.update',
  at: at(50),
  by: users.coordinatorRoads,
  registrationNumber: 'REG-7',
};

export const resume = {
  type: 'work.take',
  at: '2025-05-02T00:00:00.000Z',
  by: users.executorRoads,
};
