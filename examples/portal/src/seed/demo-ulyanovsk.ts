import { demoUsers as u } from '@reshaem/core/testing';
import type { DemoContext, DemoMessage } from './demo-message.js';
import { accept, answer, approve, assign, online, phonedIn, take } from './steps.js';

/** Ulyanovsk: phoned-in messages of the 112 centre (in progress, answer ready, answer delivered) and one submitted online. */
export function ulyanovskMessages({ m, resolved }: DemoContext): DemoMessage[] {
  return [
    {
      ...m(
        '111',
        72,
        phonedIn(
          'жительница сообщила о яме на ул. Гончарова у дома 8.',
          { name: 'Сидорова Мария Павловна', phone: '+7 902 123-45-67' },
          { subcategoryId: 'potholes' },
        ),
        'answer_ready',
      ),
      steps: [
        assign(70, u.coordinatorUlyRoads, u.executorUlyRoads),
        take(69, u.executorUlyRoads),
        answer(30, u.executorUlyRoads, resolved('Яма на ул. Гончарова заделана 15.04.')),
        approve(20, u.headUlyRoads),
      ],
    },
    {
      ...m(
        '112',
        120,
        phonedIn('разбита дорога на ул. Локомотивной, заявитель просит ремонт.', {
          name: 'Николаев Олег Петрович',
          phone: '+7 917 555-12-34',
        }),
        'answer_delivered',
      ),
      steps: [
        assign(118, u.coordinatorUlyRoads, u.executorUlyRoads),
        take(117, u.executorUlyRoads),
        answer(
          60,
          u.executorUlyRoads,
          resolved('Участок включён в план ямочного ремонта, работы выполнены.'),
        ),
        approve(50, u.headUlyRoads),
        {
          hoursAgo: 30,
          type: 'delivery.confirm',
          by: u.operator,
          channel: 'phone',
          note: 'Дозвонились, заявитель ответ получил.',
        },
      ],
    },
    {
      ...m(
        '116',
        11,
        online(u.applicant2, 'Запись к терапевту в поликлинике № 4 только через месяц.', {
          orgId: 'uly-gov',
          regionCode: '73',
          municipality: 'город Ульяновск',
          categoryId: 'health',
          subcategoryId: 'clinic-queue',
        }),
        'coordination',
      ),
      steps: [accept(10, u.moderatorUly)],
    },
    {
      ...m(
        '117',
        4,
        phonedIn(
          'на ул. Радищева просел асфальт над теплотрассой.',
          { name: 'Громова Нина Ивановна', phone: '+7 927 700-00-17', email: 'gromova@example.ru' },
          { orgId: 'uly-gov' },
        ),
        'coordination',
      ),
      steps: [],
    },
  ];
}
