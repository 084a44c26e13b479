import {
  createDirectory,
  type Directory,
  type DirectoryInput,
} from '../../kernel/notifications/directory.js';
import type { CatalogueInput } from '../../kernel/schemas/catalogue.js';
import type { OrganisationInput } from '../../kernel/schemas/organisation.js';
import type { Principal } from '../../kernel/schemas/principal.js';

/** The demo ОНФ catalogue, after the categories the seed's list shows. */
export const onfDemoCatalogue: CatalogueInput = {
  categories: [
    {
      id: 'roads',
      name: 'Автомобильные дороги',
      subcategories: [
        { id: 'accessibility', name: 'Среда для инвалидов' },
        { id: 'road-repair', name: 'Ремонт дорог' },
      ],
    },
    { id: 'education', name: 'Образование', subcategories: [{ id: 'schools', name: 'Школы' }] },
    { id: 'medicine', name: 'Медицина', subcategories: [{ id: 'drugs', name: 'Лекарства' }] },
    {
      id: 'volunteers',
      name: 'Адресная помощь волонтеров и некоммерческих организаций',
      subcategories: [{ id: 'groceries', name: 'Доставка продуктов' }],
    },
  ],
};

/** ОНФ headquarters and the regional executive committees (РИК) of two regions, with an НКО. */
export const onfDemoOrganisations: OrganisationInput[] = [
  { id: 'onf-hq', name: 'ОНФ, центральный штаб', regionCode: '77' },
  { id: 'rik-75', name: 'РИК ОНФ в Забайкальском крае', parentId: 'onf-hq', regionCode: '75' },
  { id: 'nko-75', name: 'АНО «Забайкальские волонтеры»', regionCode: '75' },
  { id: 'rik-51', name: 'РИК ОНФ в Мурманской области', parentId: 'onf-hq', regionCode: '51' },
];

const staff = (id: string, name: string, ...roles: Principal['roles']): Principal => ({
  id,
  name,
  roles,
});

/** Demo users of every ОНФ role, keyed by a short handle. */
export const onfDemoUsers = {
  supervisor75: staff('sup-75', 'Соколова Анна (супервайзер)', {
    role: 'supervisor',
    orgId: 'rik-75',
  }),
  executor75: staff('exec-75', 'Ходков Андрей (исполнитель)', {
    role: 'executor',
    orgId: 'rik-75',
  }),
  executor75b: staff('exec-75-b', 'Лотина Мария (исполнитель)', {
    role: 'executor',
    orgId: 'rik-75',
  }),
  executorNko75: staff('exec-nko-75', 'Марочко Сергей (волонтёр)', {
    role: 'executor',
    orgId: 'nko-75',
  }),
  curator75: staff('cur-75', 'Зуева Ольга (куратор)', { role: 'curator', orgId: 'rik-75' }),
  supervisor51: staff('sup-51', 'Кузьмичев Александр (супервайзер)', {
    role: 'supervisor',
    orgId: 'rik-51',
  }),
  executor51: staff('exec-51', 'Сукарева Алена (исполнитель)', {
    role: 'executor',
    orgId: 'rik-51',
  }),
  curator51: staff('cur-51', 'Алмаз Толя (куратор)', { role: 'curator', orgId: 'rik-51' }),
  /** Platform-wide: no organisation. */
  moderator: staff('mod-onf', 'Солдатова Дарья (модератор)', { role: 'moderator' }),
  support: staff('support-onf', 'Мисева Мадина (техподдержка)', { role: 'support' }),
  operator: staff('op-onf', 'Чомаева Мариям (оператор колл-центра)', { role: 'operator' }),
  curatorHq: staff('cur-hq', 'Шайматов Елена (куратор штаба)', { role: 'curator' }),
  /** A supervisor who is also an executor in the same РИК. */
  multi75: staff(
    'multi-75',
    'Улётов Илья (супервайзер и исполнитель)',
    { role: 'supervisor', orgId: 'rik-75' },
    { role: 'executor', orgId: 'rik-75' },
  ),
} satisfies Record<string, Principal>;

export type OnfDemoUserHandle = keyof typeof onfDemoUsers;

export const onfDemoDirectoryInput: DirectoryInput = {
  organisations: onfDemoOrganisations,
  users: Object.values(onfDemoUsers),
  catalogue: onfDemoCatalogue,
};

/** A ready {@link Directory} over the ОНФ demo world. */
export const createOnfDemoDirectory = (): Directory => createDirectory(onfDemoDirectoryInput);
