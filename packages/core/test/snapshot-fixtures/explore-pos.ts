import { type MessageSnapshot, type SubmitEventInput, statusOf } from '@reshaem/core';
import { createDemoDirectory, demoUsers, reachableMessages } from '@reshaem/core/testing';
import { type Candidate, hourAfter } from './candidate.js';
import { persisted } from './canonical.js';

const base = {
  type: 'submit',
  by: demoUsers.applicant,
  channel: 'epgu_form',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
} as const;

/**
 * The messages the walks start from: both regions of the demo world, fast-track and
 * ordinary subcategories, calendar and working days, the portal form and the 112 operator.
 */
export const posSubmits: Omit<SubmitEventInput, 'at'>[] = [
  {
    ...base,
    messageId: 'm-kam-pothole',
    number: '41-000001',
    orgId: 'kam-roads',
    regionCode: '41',
    categoryId: 'roads',
    subcategoryId: 'potholes',
    factId: 'pothole-street',
  },
  {
    ...base,
    by: demoUsers.applicant2,
    messageId: 'm-kam-school',
    number: '41-000002',
    orgId: 'kam-school-1',
    regionCode: '41',
    applicant: { name: 'Петрова Анна Сергеевна', email: 'petrova@example.ru' },
    problemAddress: null,
    text: 'В школе № 1 кормят холодным обедом',
    categoryId: 'education',
    subcategoryId: 'school-food',
  },
  {
    ...base,
    messageId: 'm-uly-clinic',
    number: '73-000001',
    orgId: 'uly-health',
    regionCode: '73',
    problemAddress: 'г. Ульяновск, ул. Гончарова, 10',
    text: 'Запись к терапевту только через месяц',
    categoryId: 'health',
    subcategoryId: 'clinic-queue',
  },
  {
    ...base,
    by: demoUsers.operator,
    messageId: 'm-uly-112',
    number: '73-000002',
    channel: 'operator',
    orgId: 'uly-roads',
    regionCode: '73',
    applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00', email: null },
    problemAddress: 'г. Ульяновск, ул. Минаева, 1',
    text: 'Центр мониторинга 112: яма на дороге у остановки',
    categoryId: 'roads',
    subcategoryId: 'potholes',
  },
];

function traitsOf(s: MessageSnapshot): string[] {
  const m = s.context;
  const t = [
    `region:${m.regionCode}`,
    `channel:${m.channel}`,
    `subcategory:${m.subcategoryId}`,
    `arrived:${m.arrivedBy}`,
    `executor:${m.executorId !== null}`,
    `registered:${m.registrationNumber !== null}`,
  ];
  if (m.answer) t.push(`answer:${m.answer.type}:${m.answer.approvedAt !== null}`);
  if (m.previousAnswers.length > 0) t.push('rework');
  if (m.reReviewRound > 0) t.push('re-review', `re-review-by-curator:${m.reReviewByCurator}`);
  if (m.pendingExtension) t.push('extension:pending');
  if (m.extensionsGranted > 0) t.push('extension:granted');
  if (m.lastReturnComment !== null) t.push('returned');
  if (m.delivery) t.push(`delivery:${m.delivery.channel}`);
  if (m.deliveryOverdue) t.push('delivery-overdue');
  if (m.answerEmail) t.push(`email:${m.answerEmail.status}`);
  if (m.ratings.length > 0) t.push(`ratings:${m.ratings.length}`);
  if (m.overdue) t.push('overdue');
  if (m.dueSoonAt !== null) t.push('due-soon-set');
  return t;
}

/**
 * Every message the real workflow reaches from {@link posSubmits} (breadth first, every
 * event of every user with a plausible payload, timers at their instant), one region at a
 * time so that the same shapes are kept in both.
 */
export function explorePos(limit = 700, maxDepth = 14): Candidate[] {
  const directory = createDemoDirectory();
  const out: Candidate[] = [];
  for (const submit of posSubmits) {
    for (const { snapshot, records } of reachableMessages(directory, [submit], {
      limit,
      maxDepth,
    })) {
      const last = records[records.length - 1];
      if (!last) continue;
      out.push({
        snapshot: persisted(snapshot),
        status: statusOf(snapshot),
        now: hourAfter(last.at),
        traits: traitsOf(snapshot),
      });
    }
  }
  return out;
}
