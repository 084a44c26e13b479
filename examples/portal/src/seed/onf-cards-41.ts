import {
  acceptCase,
  assignCase,
  call,
  closeRequest,
  comment,
  type DemoCase,
  federal,
  fromCallCentre,
  lock,
  postpone,
  release,
  resolve,
} from './onf-steps.js';
import { onfUsers as u } from './onf-world.js';

const KAM = 'Asia/Kamchatka';
const where = {
  regionCode: '41',
  municipality: 'Петропавловск-Камчатский городской округ',
  categoryType: 'ogv' as const,
  categoryId: 'health',
  subcategoryId: 'clinic-queue',
};
const roads = { ...where, categoryId: 'roads', subcategoryId: 'road-repair' };
const person = (name: string, phone: string) => ({ name, phone });

/**
 * The Kamchatka cards: new ones for the supervisor, work in every stage for the two
 * executors (one holds a card's lock), the curator's checks, and closures.
 */
export function kamchatkaCases(now: Date): DemoCase[] {
  const [sup, e1, e2, cur] = [u.supervisor41, u.executor41, u.executor41b, u.curator41];
  const card = (
    id: string,
    hoursAgo: number,
    create: DemoCase['create'],
    steps: DemoCase['steps'],
  ) => ({
    id,
    hoursAgo,
    create,
    steps,
  });
  return [
    card(
      'onf-01',
      3,
      fromCallCentre(
        '410101',
        { ...where, address: 'ул. Ленинская, 12, кв. 4' },
        person('Гаврилова Нина Петровна', '+7(914)781-22-10'),
        'Не могу записаться к кардиологу: в поликлинике № 3 нет талонов на два месяца вперёд.',
      ),
      [],
    ),
    card(
      'onf-02',
      1,
      fromCallCentre(
        '410102',
        { ...roads, urgent: true, address: 'ул. Пограничная, 9' },
        person('Рябов Олег Викторович', '8 914 600-44-17'),
        'Во дворе дома не чистят снег, скорая не может подъехать к подъезду.',
      ),
      [],
    ),
    card(
      'onf-03',
      60,
      fromCallCentre(
        '410103',
        { ...roads, address: 'пр. Победы, 21' },
        person('Кравец Людмила Ивановна', '+7(914)222-31-07'),
        'У пешеходного перехода у школы нет пандуса, мама с коляской не может перейти дорогу.',
      ),
      [assignCase(50, sup, e1)],
    ),
    card(
      'onf-04',
      40,
      fromCallCentre(
        '410104',
        { ...where, address: 'ул. Океанская, 94' },
        person('Шилова Тамара Андреевна', '+7(914)330-56-89'),
        'Пожилой маме не выдают льготный инсулин в аптеке, говорят, что его нет.',
      ),
      [
        assignCase(36, sup, e2),
        lock(20, e2),
        call(19, e2, 'no_answer'),
        comment(18, e2, 'Запросила в аптечном пункте сведения о поставке, жду ответа.'),
      ],
    ),
    card(
      'onf-05',
      120,
      fromCallCentre(
        '410105',
        { ...roads, address: 'ул. Вулканная, 3' },
        person('Денисов Игорь Павлович', '+7(914)555-01-02'),
        'Яма на въезде во двор, машины вязнут.',
      ),
      [
        assignCase(118, sup, e1),
        lock(100, e1),
        comment(99, e1, 'Связался с управляющей компанией, обещали засыпать за неделю.'),
        resolve(
          96,
          e1,
          'Управляющая компания засыпала яму щебнем и утрамбовала, заявитель подтвердил по телефону.',
          ['фото-двор.jpg'],
        ),
      ],
    ),
    card(
      'onf-06',
      300,
      fromCallCentre(
        '410106',
        { ...where, address: 'ул. Ключевская, 40' },
        person('Лаптева Зоя Григорьевна', '+7(914)123-45-67'),
        'Не приходит врач на дом к лежачему отцу.',
      ),
      [
        assignCase(290, sup, e1),
        lock(280, e1),
        comment(279, e1, 'Позвонил в регистратуру, вызов записан на завтра.'),
        resolve(
          270,
          e1,
          'Участковый терапевт посетил пациента на дому, назначено лечение; заявитель благодарит.',
        ),
        acceptCase(260, cur),
      ],
    ),
    card(
      'onf-07',
      60,
      fromCallCentre(
        '410107',
        { ...where, address: 'ул. Садовая, 5' },
        person('Мельникова Ада Семёновна', '+7(914)987-65-43'),
        'Нужна помощь с получением слухового аппарата по программе реабилитации.',
      ),
      [
        assignCase(55, sup, e2),
        lock(50, e2),
        postpone(
          now,
          49,
          e2,
          KAM,
          7,
          'Аппарат поступит в фонд социального страхования через неделю',
        ),
      ],
    ),
    card(
      'onf-08',
      250,
      fromCallCentre(
        '410108',
        where,
        person('Тихонов Борис Львович', '+7(914)410-10-10'),
        'Прошу помочь с очередью на МРТ.',
      ),
      [
        assignCase(245, sup, e1),
        lock(240, e1),
        call(239, e1, 'reached'),
        closeRequest(238, e1, 'declined_help', { comment: 'Заявитель уже прошёл МРТ платно.' }),
        acceptCase(230, cur),
      ],
    ),
    card(
      'onf-09',
      280,
      fromCallCentre(
        '410109',
        where,
        person('Фомина Вера', '+7(914)000-00-01'),
        'Помогите с записью к офтальмологу.',
      ),
      [
        assignCase(275, sup, e2),
        lock(270, e2),
        call(269, e2, 'wrong_number'),
        closeRequest(268, e2, 'wrong_phone'),
        acceptCase(250, cur),
      ],
    ),
    card(
      'onf-10',
      230,
      fromCallCentre(
        '410110',
        roads,
        person('Соловьёв Пётр', '+7(914)700-12-34'),
        'Не горят фонари на остановке.',
      ),
      [
        assignCase(225, sup, e1),
        lock(220, e1),
        call(219, e1, 'no_answer'),
        release(218, e1),
        lock(196, e1),
        call(195, e1, 'busy'),
        release(194, e1),
        lock(172, e1),
        call(171, e1, 'no_answer'),
        closeRequest(170, e1, 'unreachable'),
        acceptCase(160, cur),
      ],
    ),
    card(
      'onf-11',
      200,
      fromCallCentre(
        '410111',
        { ...where, address: 'ул. Ключевская, 40' },
        person('Лаптева Зоя Григорьевна', '+7(914)123-45-67'),
        'Повторно: не приходит врач на дом к отцу.',
      ),
      [
        assignCase(190, sup, e2),
        lock(185, e2),
        closeRequest(184, e2, 'duplicate', { duplicateOf: '410106' }),
        acceptCase(170, cur),
      ],
    ),
    card(
      'onf-12',
      30,
      fromCallCentre(
        '410112',
        roads,
        person('Зимин Кирилл', '+7(914)808-80-80'),
        'Трасса Петропавловск — Мильково не ремонтируется десять лет.',
      ),
      [
        assignCase(28, sup, e1),
        lock(6, e1),
        federal(5, e1),
        comment(4, e1, 'Дорога федерального значения: передаём в штаб.'),
        release(3, e1),
      ],
    ),
    card(
      'onf-13',
      100,
      fromCallCentre(
        '410113',
        where,
        person('Борисова Инна', '+7(914)313-13-13'),
        'Помогите получить направление в краевую больницу.',
      ),
      [
        assignCase(98, sup, e2),
        lock(90, e2),
        closeRequest(89, e2, 'duplicate'),
        comment(88, e2, 'Уточняю номер дублирующего обращения.'),
        release(87, e2),
      ],
    ),
    card(
      'onf-14',
      80,
      fromCallCentre(
        '410114',
        where,
        person('Осипов Антон', '+7(914)414-14-14'),
        'В Ульяновске не принимают в поликлинику по полису.',
      ),
      [
        assignCase(78, sup, e2),
        lock(70, e2),
        {
          hoursAgo: 69,
          type: 'case.rereview_request',
          by: e2,
          reason: 'wrong_region',
          comment: 'Заявитель живёт в Ульяновской области.',
        },
      ],
    ),
    card(
      'onf-15',
      150,
      fromCallCentre(
        '410115',
        roads,
        person('Ефимова Ольга', '+7(914)515-15-15'),
        'Разбит тротуар у дома, пожилые люди падают.',
      ),
      [
        assignCase(148, sup, e1),
        lock(140, e1),
        {
          hoursAgo: 139,
          type: 'case.support_request',
          by: e1,
          corrections: [{ field: 'phone', value: '+7(914)515-15-16' }],
          comment: 'Заявитель назвал другой номер: в карточке опечатка.',
        },
      ],
    ),
    card(
      'onf-16',
      140,
      fromCallCentre(
        '410116',
        where,
        person('Голованов Степан', '+7(914)616-16-16'),
        'Нужна помощь в оформлении инвалидности.',
      ),
      [
        assignCase(130, sup, e2),
        lock(125, e2),
        postpone(now, 124, e2, KAM, 2, 'Медико-социальная экспертиза назначена на ближайшие дни'),
      ],
    ),
  ];
}
