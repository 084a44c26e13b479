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
  resolve,
  returnCase,
} from './onf-steps.js';
import { onfUsers as u } from './onf-world.js';

const ULY = 'Europe/Ulyanovsk';
const ogv = {
  regionCode: '73',
  municipality: 'город Ульяновск',
  categoryType: 'ogv' as const,
  categoryId: 'roads',
  subcategoryId: 'road-repair',
};
const nko = {
  ...ogv,
  categoryType: 'nko' as const,
  categoryId: 'volunteer-help',
  subcategoryId: 'groceries',
};
const person = (name: string, phone: string) => ({ name, phone });

/**
 * The Ulyanovsk cards: the РИК's executor and a volunteer of an НКО, a card returned by
 * the curator, one waiting for the curator's check of a closure, and the other closures.
 */
export function ulyanovskCases(now: Date): DemoCase[] {
  const [sup, e, v, cur] = [u.supervisor73, u.executor73, u.volunteer73, u.curator73];
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
      'onf-21',
      5,
      fromCallCentre(
        '730121',
        { ...nko, address: 'ул. Гончарова, 15' },
        person('Киселёва Мария Фёдоровна', '+7(927)811-20-30'),
        'Одинокой соседке 90 лет, нужна доставка продуктов раз в неделю.',
      ),
      [],
    ),
    card(
      'onf-22',
      200,
      fromCallCentre(
        '730122',
        { ...nko, address: 'ул. Радищева, 101' },
        person('Юдин Николай', '+7(927)222-22-22'),
        'Не могу сам купить продукты после операции.',
      ),
      [
        assignCase(196, sup, v),
        lock(190, v),
        resolve(
          186,
          v,
          'Волонтёры привезли продукты по списку заявителя, договорились о доставке по пятницам.',
          ['чек.pdf', 'фото.jpg'],
        ),
        acceptCase(180, cur),
      ],
    ),
    card(
      'onf-23',
      300,
      fromCallCentre(
        '730123',
        ogv,
        person('Рогов Семён', '+7(927)323-23-23'),
        'Обращение о ремонте дороги на ул. Минаева.',
      ),
      [
        assignCase(296, sup, e),
        lock(290, e),
        call(289, e, 'reached'),
        closeRequest(288, e, 'did_not_apply', {
          comment: 'Заявитель говорит, что не звонил на линию.',
        }),
        acceptCase(270, cur),
      ],
    ),
    card(
      'onf-24',
      250,
      fromCallCentre(
        '730124',
        { ...nko, subcategoryId: 'medicines' },
        person('Власова Анна', '+7(927)424-24-24'),
        'Нужна помощь в покупке редкого лекарства.',
      ),
      [
        assignCase(246, sup, e),
        lock(240, e),
        closeRequest(239, e, 'objective_reasons', {
          comment: 'Лекарство снято с производства, аналога в регионе нет.',
        }),
        acceptCase(230, cur),
      ],
    ),
    card(
      'onf-25',
      160,
      fromCallCentre(
        '730125',
        nko,
        person('Тарасов Глеб', '+7(927)525-25-25'),
        'Прошу ежедневно доставлять обеды.',
      ),
      [
        assignCase(156, sup, v),
        lock(150, v),
        closeRequest(149, v, 'motivated_refusal', {
          comment:
            'Ежедневная доставка вне возможностей НКО; предложена доставка раз в неделю и соцслужба.',
        }),
        acceptCase(140, cur),
      ],
    ),
    card(
      'onf-26',
      100,
      fromCallCentre(
        '730126',
        ogv,
        person('Щукина Лидия', '+7(927)626-26-26'),
        'Нет освещения во дворе дома на ул. Островского.',
      ),
      [
        assignCase(96, sup, e),
        lock(90, e),
        call(89, e, 'reached'),
        closeRequest(88, e, 'declined_help', {
          comment: 'Фонари включили, заявитель от помощи отказался.',
        }),
      ],
    ),
    card(
      'onf-27',
      30,
      fromCallCentre(
        '730127',
        ogv,
        person('Абрамов Руслан', '+7(927)727-27-27'),
        'Мост через Свиягу закрыт на ремонт третий год.',
      ),
      [
        assignCase(26, sup, e),
        lock(10, e),
        federal(9, e),
        comment(8, e, 'Запросил у дорожного агентства график работ.'),
      ],
    ),
    card(
      'onf-28',
      60,
      fromCallCentre(
        '730128',
        nko,
        person('Лазарева Нина', '+7(927)828-28-28'),
        'Нужна помощь в доставке продуктов на время карантина.',
      ),
      [
        assignCase(56, sup, v),
        lock(50, v),
        postpone(
          now,
          49,
          v,
          ULY,
          10,
          'Заявитель в больнице до конца месяца, доставка после выписки',
        ),
      ],
    ),
    card(
      'onf-29',
      80,
      fromCallCentre(
        '730129',
        nko,
        person('Кудрявцев Лев', '+7(927)929-29-29'),
        'Помогите привезти продукты маме-пенсионерке.',
      ),
      [
        assignCase(76, sup, e),
        lock(70, e),
        resolve(66, e, 'Помогли.'),
        returnCase(60, cur, 'Опишите, кто, когда и что привёз, и как заявитель это подтвердил.'),
      ],
    ),
  ];
}
