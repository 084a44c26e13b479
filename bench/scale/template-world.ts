/**
 * The small world the template messages live in: one region's three-level organisation
 * tree, its staff and a 112 centre, all named by tokens (`zz…`) that the fill replaces with
 * each generated row's own organisations, people, texts and instants.
 */
import { createDirectory, type OrganisationInput, type Principal } from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';

/** The template's organisations: region government, ministry, institution, 112 centre. */
export const orgTokens = ['zzREG', 'zzMIN', 'zzINST'] as const;
export type OrgToken = (typeof orgTokens)[number];
/** Staff letters: coordinator, executor, head. */
export const staffRoles = { c: 'coordinator', e: 'executor', h: 'head' } as const;
export type StaffLetter = keyof typeof staffRoles;

export const templateRegion = '01';
export const operatorMarker = 'Центр мониторинга 112';

const organisations: OrganisationInput[] = [
  {
    id: 'zzREG',
    name: 'Правительство региона',
    regionCode: templateRegion,
    coordinatesRegion: true,
  },
  { id: 'zzMIN', name: 'Министерство региона', parentId: 'zzREG', regionCode: templateRegion },
  { id: 'zzINST', name: 'Учреждение министерства', parentId: 'zzMIN', regionCode: templateRegion },
  {
    id: 'zzOPS',
    name: 'Центр мониторинга 112 региона',
    regionCode: templateRegion,
    subcategoryIds: [],
    operatorMarker,
  },
];

/** `zzINST-e`: the institution's executor; the fill makes it `<org>-e<k>`. */
export const staffId = (org: OrgToken, letter: StaffLetter) => `${org}-${letter}`;
export const staff = (org: OrgToken, letter: StaffLetter): Principal => ({
  id: staffId(org, letter),
  roles: [{ role: staffRoles[letter], orgId: org }],
});
export const applicant: Principal = { id: 'zzAPP', roles: [{ role: 'applicant' }] };
export const moderator: Principal = {
  id: 'zzMOD',
  roles: [{ role: 'moderator', orgId: 'zzREG' }],
};
export const operator: Principal = {
  id: 'zzOPR',
  roles: [{ role: 'operator', orgId: 'zzOPS' }],
};

export const templateDirectory = createDirectory({
  organisations,
  users: [
    applicant,
    moderator,
    operator,
    ...orgTokens.flatMap((org) =>
      (Object.keys(staffRoles) as StaffLetter[]).map((letter) => staff(org, letter)),
    ),
  ],
  catalogue: demoCatalogue,
});
