import type { CatalogueInput, DirectoryInput, OrganisationInput, User } from '@reshaem/core';
import { demoCatalogue, demoDirectoryInput, demoOrganisations } from '@reshaem/core/testing';

/**
 * «ОНФ. Помощь» in the demo regions (Kamchatka 41, Ulyanovsk 73): the regional executive
 * committees of the ОНФ (РИК) and a volunteers' НКО. The directory holds both workflows, so
 * each says `workflow: 'onf'`; they also receive no ПОС messages: an empty list of
 * subcategories (none at all, not «every one»), no region coordination, no operator marker.
 */
export const onfOrganisations: OrganisationInput[] = [
  {
    id: 'rik-41',
    name: 'РИК ОНФ в Камчатском крае',
    regionCode: '41',
    subcategoryIds: [],
    workflow: 'onf',
  },
  {
    id: 'rik-73',
    name: 'РИК ОНФ в Ульяновской области',
    regionCode: '73',
    subcategoryIds: [],
    workflow: 'onf',
  },
  {
    id: 'nko-73',
    name: 'АНО «Волонтёры Ульяновска»',
    regionCode: '73',
    subcategoryIds: [],
    workflow: 'onf',
  },
];

/** The НКО help category the ОНФ cards of volunteers use (the ОГВ ones use the ПОС topics). */
const volunteerHelp: CatalogueInput['categories'][number] = {
  id: 'volunteer-help',
  name: 'Адресная помощь волонтёров и НКО',
  subcategories: [
    { id: 'groceries', name: 'Доставка продуктов', deadline: { days: 30, unit: 'calendar' } },
    { id: 'medicines', name: 'Лекарства', deadline: { days: 30, unit: 'calendar' } },
  ],
};

/** ОНФ staff have work addresses: the card notices are e-mailed to them. */
const staff = (id: string, name: string, ...roles: User['roles']): User => ({
  id,
  name,
  roles,
  email: `${id}@onf-demo.example.ru`,
});

/**
 * The ОНФ people of seed 003, in both demo regions: a supervisor who assigns, executors
 * (two in Kamchatka, one in the РИК and a volunteer in Ulyanovsk), a curator who checks,
 * and a moderator and a support specialist who serve both regions.
 */
export const onfUsers = {
  supervisor41: staff('onf-sup-41', 'Соколова Анна (супервайзер ОНФ)', {
    role: 'supervisor',
    orgId: 'rik-41',
  }),
  executor41: staff('onf-exec-41', 'Ходков Андрей (исполнитель ОНФ)', {
    role: 'executor',
    orgId: 'rik-41',
  }),
  executor41b: staff('onf-exec-41-b', 'Лотина Мария (исполнитель ОНФ)', {
    role: 'executor',
    orgId: 'rik-41',
  }),
  curator41: staff('onf-cur-41', 'Зуева Ольга (куратор ОНФ)', {
    role: 'curator',
    orgId: 'rik-41',
  }),
  supervisor73: staff('onf-sup-73', 'Кузьмичёв Александр (супервайзер ОНФ)', {
    role: 'supervisor',
    orgId: 'rik-73',
  }),
  executor73: staff('onf-exec-73', 'Сукарева Алёна (исполнитель ОНФ)', {
    role: 'executor',
    orgId: 'rik-73',
  }),
  volunteer73: staff('onf-nko-73', 'Марочко Сергей (волонтёр)', {
    role: 'executor',
    orgId: 'nko-73',
  }),
  curator73: staff('onf-cur-73', 'Алмазов Анатолий (куратор ОНФ)', {
    role: 'curator',
    orgId: 'rik-73',
  }),
  moderator: staff(
    'onf-mod',
    'Солдатова Дарья (модератор ОНФ)',
    { role: 'moderator', orgId: 'rik-41' },
    { role: 'moderator', orgId: 'rik-73' },
  ),
  support: staff(
    'onf-support',
    'Мисева Мадина (техподдержка ОНФ)',
    { role: 'support', orgId: 'rik-41' },
    { role: 'support', orgId: 'rik-73' },
  ),
  /**
   * A person of both workflows: the Kamchatka government's curator in ПОС and the curator of
   * the РИК ОНФ in Kamchatka — the one demo user who sees both dashboards, with tabs between.
   */
  curatorBoth41: staff(
    'onf-cur-both-41',
    'Дроздов Кирилл (куратор ПОС и ОНФ)',
    { role: 'curator', orgId: 'kam-gov' },
    { role: 'curator', orgId: 'rik-41' },
  ),
} satisfies Record<string, User>;

/**
 * The portal's demo directory: the ПОС demo world of `@reshaem/core/testing` (each of its
 * organisations marked `workflow: 'pos'`) and the ОНФ organisations and people beside it, on
 * one catalogue.
 */
export const portalDirectoryInput: DirectoryInput = {
  organisations: [
    ...demoOrganisations.map((o): OrganisationInput => ({ ...o, workflow: 'pos' })),
    ...onfOrganisations,
  ],
  users: [...(demoDirectoryInput.users ?? []), ...Object.values(onfUsers)],
  catalogue: { categories: [...demoCatalogue.categories, volunteerHelp] },
};
