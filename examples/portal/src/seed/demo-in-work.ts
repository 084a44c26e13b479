import { demoUsers as u } from '@reshaem/core/testing';
import type { DemoContext, DemoMessage } from './demo-message.js';
import { accept, answer, approve, kamchatkaRoads, rate, roadsAtWork } from './steps.js';

/** Kamchatka messages at work and after: due soon with an extension asked, overdue, on approval, answered, postponed, completed, re-reviewed. */
export function workedMessages({ m, kamchatkaDate, resolved }: DemoContext): DemoMessage[] {
  const kam = kamchatkaRoads;
  return [
    {
      ...m(
        '107',
        205,
        kam(u.applicant2, 'Яма на выезде с ул. Карбышева на Северо-Восточное шоссе.'),
        'in_work',
      ),
      steps: [
        accept(204),
        ...roadsAtWork(200),
        {
          hoursAgo: 5,
          type: 'deadline.extension_request',
          by: u.executorRoads,
          until: kamchatkaDate(9),
          reason: 'Асфальтобетонный завод начнёт работу после схода снега.',
        },
      ],
    },
    {
      ...m(
        '108',
        289,
        kam(
          u.applicant,
          'Глубокая выбоина на ул. Академика Королёва у дома 11, повреждены колёса.',
          { problemAddress: 'г. Петропавловск-Камчатский, ул. Академика Королёва, 11' },
        ),
        'in_work',
      ),
      steps: [accept(288), ...roadsAtWork(280)],
    },
    {
      ...m('109', 101, kam(u.applicant2, 'Яма на пешеходном переходе у школы № 7.'), 'on_approval'),
      steps: [
        accept(100),
        ...roadsAtWork(98),
        answer(
          5,
          u.executorRoads,
          resolved('Яма заделана литым асфальтом, фото и акт прилагаем.', [
            'акт-приёмки.pdf',
            'фото.jpeg',
          ]),
        ),
      ],
    },
    {
      ...m(
        '110',
        151,
        kam(u.applicant, 'Яма на ул. Тушканова у дома 5, вторую неделю никто не ремонтирует.'),
        'answer_sent',
      ),
      steps: [
        accept(150),
        ...roadsAtWork(148),
        answer(
          30,
          u.executorRoads,
          resolved('Выбоина устранена подрядчиком 11.04, участок проверен инспектором.', [
            'акт.pdf',
          ]),
        ),
        approve(26, u.headRoads),
      ],
    },
    {
      ...m(
        '113',
        241,
        kam(u.applicant2, 'Нужен капитальный ремонт дороги на ул. Вулканной.', {
          subcategoryId: 'road-repair',
          factId: null,
        }),
        'postponed',
      ),
      steps: [
        accept(240),
        ...roadsAtWork(236),
        answer(120, u.executorRoads, {
          type: 'postponed',
          text: 'Ремонт включён в программу; подрядчик выйдет на объект, когда сойдёт снег.',
          postponedUntil: kamchatkaDate(-1),
        }),
        approve(110, u.headRoads),
      ],
    },
    {
      ...m(
        '114',
        301,
        kam(u.applicant, 'Яма у въезда во двор дома 20 по ул. Ключевской.', {
          factId: 'pothole-yard',
        }),
        'completed',
      ),
      steps: [
        accept(300),
        ...roadsAtWork(296),
        answer(200, u.executorRoads, resolved('Яма заделана 02.04.', ['фото-после.jpeg'])),
        approve(190, u.headRoads),
        rate(150, 5, 'Спасибо, отремонтировали быстро.'),
      ],
    },
    {
      ...m('115', 261, kam(u.applicant, 'Яма на ул. Пограничной у дома 17.'), 'coordination'),
      steps: [
        accept(260),
        ...roadsAtWork(256),
        answer(180, u.executorRoads, resolved('Яма заделана.')),
        approve(170, u.headRoads),
        rate(40, 2, 'Яму только засыпали щебнем, через день она вернулась.'),
      ],
    },
  ];
}
