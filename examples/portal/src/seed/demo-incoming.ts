import { demoUsers as u } from '@reshaem/core/testing';
import type { DemoContext, DemoMessage } from './demo-message.js';
import { accept, assign, kamchatkaRoads, reject } from './steps.js';

/** New, rejected and routed messages in Kamchatka: moderation, coordination (new and returned), an assigned executor. */
export function incomingMessages({ m, inDays }: DemoContext): DemoMessage[] {
  const kam = kamchatkaRoads;
  return [
    {
      ...m(
        '101',
        0.7,
        kam(
          u.applicant2,
          'Яма на ул. Ленинской у дома 12: машины объезжают её по встречной полосе.',
          { problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 12' },
        ),
        'moderation',
      ),
      steps: [],
    },
    {
      ...m(
        '102',
        3,
        kam(
          u.applicant,
          'В школе № 1 детям на обед дают остывший суп, родители жаловались классному руководителю.',
          {
            orgId: 'kam-school-1',
            categoryId: 'education',
            subcategoryId: 'school-food',
            factId: null,
            channel: 'mobile_app',
          },
        ),
        'moderation',
      ),
      steps: [],
    },
    {
      ...m(
        '103',
        50,
        kam(u.applicant2, 'Продам гараж недорого, звоните.', {
          subcategoryId: 'road-repair',
          factId: null,
        }),
        'rejected',
      ),
      steps: [reject(47, 'Сообщение не описывает проблему, которую может решить орган власти.')],
    },
    {
      ...m(
        '104',
        27,
        kam(
          u.applicant,
          'Разбита дорога на ул. Мишенной от дома 10 до дома 24, после дождя не пройти.',
          {
            subcategoryId: 'road-repair',
            factId: null,
            channel: 'epgu_widget',
            problemAddress: 'г. Петропавловск-Камчатский, ул. Мишенная, 10–24',
          },
        ),
        'coordination',
      ),
      steps: [accept(26)],
    },
    {
      ...m(
        '105',
        31,
        kam(u.applicant2, 'Во дворе дома 3 по ул. Советской глубокая яма, в ней стоит вода.', {
          factId: 'pothole-yard',
          problemAddress: 'г. Петропавловск-Камчатский, ул. Советская, 3',
        }),
        'coordination',
      ),
      steps: [
        accept(30),
        {
          hoursAgo: 28,
          type: 'coordination.return',
          by: u.coordinatorRoads,
          comment: 'Двор — территория управляющей компании, а не дорога общего пользования.',
        },
      ],
    },
    {
      ...m(
        '106',
        21,
        kam(u.applicant, 'Провал асфальта на пр. Победы у остановки «Горизонт».', {
          channel: 'org_widget',
          problemAddress: 'г. Петропавловск-Камчатский, пр. Победы, ост. «Горизонт»',
        }),
        'executor_assigned',
      ),
      steps: [
        accept(20),
        assign(18, u.coordinatorRoads, u.executorRoads2, inDays(3).toISOString()),
      ],
    },
  ];
}
