import {
  createDirectory,
  type Directory,
  type DirectoryInput,
} from '../notifications/directory.js';
import type { CatalogueInput } from '../schemas/catalogue.js';
import type { OrganisationInput } from '../schemas/organisation.js';
import type { Principal } from '../schemas/principal.js';

/** The demo catalogue: fast-track and ordinary subcategories, calendar and working days. */
export const demoCatalogue: CatalogueInput = {
  categories: [
    {
      id: 'roads',
      name: 'Дороги',
      subcategories: [
        {
          id: 'potholes',
          name: 'Ямы и выбоины на дороге',
          fastTrack: true,
          deadline: { days: 10, unit: 'calendar' },
          facts: [
            { id: 'pothole-yard', name: 'Яма во дворе' },
            { id: 'pothole-street', name: 'Яма на улице' },
          ],
        },
        {
          id: 'road-repair',
          name: 'Ремонт дорог',
          deadline: { days: 30, unit: 'calendar' },
        },
      ],
    },
    {
      id: 'education',
      name: 'Образование',
      subcategories: [
        {
          id: 'school-food',
          name: 'Питание в школах',
          fastTrack: true,
          deadline: { days: 5, unit: 'working' },
        },
      ],
    },
    {
      id: 'health',
      name: 'Здравоохранение',
      subcategories: [
        {
          id: 'clinic-queue',
          name: 'Очереди в поликлинике',
          deadline: { days: 30, unit: 'calendar' },
        },
      ],
    },
  ],
};

/** The demo organisation tree: Kamchatka and Ulyanovsk, with parents and a 112 centre. */
export const demoOrganisations: OrganisationInput[] = [
  {
    id: 'kam-gov',
    name: 'Правительство Камчатского края',
    regionCode: '41',
    coordinatesRegion: true,
  },
  {
    id: 'kam-roads',
    name: 'Министерство транспорта и дорожного строительства Камчатского края',
    parentId: 'kam-gov',
    regionCode: '41',
    subcategoryIds: ['potholes', 'road-repair'],
  },
  {
    id: 'kam-edu',
    name: 'Министерство образования Камчатского края',
    parentId: 'kam-gov',
    regionCode: '41',
    subcategoryIds: ['school-food'],
  },
  {
    id: 'kam-school-1',
    name: 'МБОУ «Средняя школа № 1» Петропавловск-Камчатского городского округа',
    parentId: 'kam-edu',
    regionCode: '41',
    subcategoryIds: ['school-food'],
  },
  {
    id: 'uly-gov',
    name: 'Правительство Ульяновской области',
    regionCode: '73',
    coordinatesRegion: true,
  },
  {
    id: 'uly-health',
    name: 'Министерство здравоохранения Ульяновской области',
    parentId: 'uly-gov',
    regionCode: '73',
    subcategoryIds: ['clinic-queue'],
  },
  {
    id: 'uly-roads',
    name: 'Агентство по дорожному хозяйству Ульяновской области',
    parentId: 'uly-gov',
    regionCode: '73',
    subcategoryIds: ['potholes', 'road-repair'],
  },
  {
    id: 'uly-112',
    name: 'Центр мониторинга 112 Ульяновской области',
    regionCode: '73',
    subcategoryIds: [],
    operatorMarker: 'Центр мониторинга 112',
  },
];

const staff = (id: string, name: string, ...roles: Principal['roles']): Principal => ({
  id,
  name,
  roles,
});

/** Demo users, one or more for every role, keyed by a short handle. */
export const demoUsers = {
  applicant: staff('app-ivanov', 'Иванов Иван Иванович', { role: 'applicant' }),
  applicant2: staff('app-petrova', 'Петрова Анна Сергеевна', { role: 'applicant' }),
  moderator: staff('mod-kam', 'Смирнова Ольга (модератор)', {
    role: 'moderator',
    orgId: 'kam-gov',
  }),
  moderatorUly: staff('mod-uly', 'Кузнецов Пётр (модератор)', {
    role: 'moderator',
    orgId: 'uly-gov',
  }),
  coordinatorGov: staff('coord-kam-gov', 'Соколов Андрей (координатор)', {
    role: 'coordinator',
    orgId: 'kam-gov',
  }),
  coordinatorRoads: staff('coord-kam-roads', 'Попова Мария (координатор)', {
    role: 'coordinator',
    orgId: 'kam-roads',
  }),
  coordinatorEdu: staff('coord-kam-edu', 'Лебедев Игорь (координатор)', {
    role: 'coordinator',
    orgId: 'kam-edu',
  }),
  executorRoads: staff('exec-kam-roads', 'Новиков Денис (исполнитель)', {
    role: 'executor',
    orgId: 'kam-roads',
  }),
  executorRoads2: staff('exec-kam-roads-2', 'Морозова Елена (исполнитель)', {
    role: 'executor',
    orgId: 'kam-roads',
  }),
  executorGov: staff('exec-kam-gov', 'Волков Сергей (исполнитель)', {
    role: 'executor',
    orgId: 'kam-gov',
  }),
  headRoads: staff('head-kam-roads', 'Фёдоров Николай (руководитель)', {
    role: 'head',
    orgId: 'kam-roads',
  }),
  headGov: staff('head-kam-gov', 'Михайлова Татьяна (руководитель)', {
    role: 'head',
    orgId: 'kam-gov',
  }),
  curatorGov: staff('cur-kam-gov', 'Алексеев Павел (куратор)', {
    role: 'curator',
    orgId: 'kam-gov',
  }),
  adminRoads: staff('admin-kam-roads', 'Орлова Дарья (администратор ЛКО)', {
    role: 'admin',
    orgId: 'kam-roads',
  }),
  coordinatorUly: staff('coord-uly-gov', 'Егоров Роман (координатор)', {
    role: 'coordinator',
    orgId: 'uly-gov',
  }),
  coordinatorUlyRoads: staff('coord-uly-roads', 'Зайцева Ирина (координатор)', {
    role: 'coordinator',
    orgId: 'uly-roads',
  }),
  executorUlyRoads: staff('exec-uly-roads', 'Павлов Максим (исполнитель)', {
    role: 'executor',
    orgId: 'uly-roads',
  }),
  headUlyRoads: staff('head-uly-roads', 'Семёнова Вера (руководитель)', {
    role: 'head',
    orgId: 'uly-roads',
  }),
  operator: staff('op-uly-112', 'Голубева Светлана (оператор приема обращений)', {
    role: 'operator',
    orgId: 'uly-112',
  }),
  /** One person, several roles in one organisation. */
  multiRoads: staff(
    'multi-kam-roads',
    'Белов Артём (координатор и исполнитель)',
    { role: 'coordinator', orgId: 'kam-roads' },
    { role: 'executor', orgId: 'kam-roads' },
  ),
} satisfies Record<string, Principal>;

export type DemoUserHandle = keyof typeof demoUsers;

/** The demo directory input: organisations, users and catalogue together. */
export const demoDirectoryInput: DirectoryInput = {
  organisations: demoOrganisations,
  users: Object.values(demoUsers),
  catalogue: demoCatalogue,
};

/** A ready {@link Directory} over the demo world. */
export const createDemoDirectory = (): Directory => createDirectory(demoDirectoryInput);
