import type { Directory } from '@reshaem/core';
import { notFound } from './open311-errors.js';
import type { Open311Value } from './open311-format.js';

/**
 * GET services: one service per subcategory of the catalogue. The `service_code` is the
 * subcategory's id (stable: the catalogue never reuses one); `group` is its category's name;
 * `metadata` is true (every service has attributes: the public flag, and its facts); every service is
 * `realtime`, since a POST creates the message at once.
 */
export function open311Services(directory: Directory): Open311Value[] {
  return directory.catalogue.categories.flatMap((category) =>
    category.subcategories.map((subcategory) => ({
      service_code: subcategory.id,
      service_name: subcategory.name,
      description: `${category.name}: ${subcategory.name}`,
      metadata: true,
      type: 'realtime',
      keywords: subcategory.fastTrack ? 'фаст-трек' : '',
      group: category.name,
    })),
  );
}

/** The attribute code of the fact list, as POST requests names it: `attribute[fact]`. */
export const FACT_ATTRIBUTE = 'fact';
/** The attribute that makes a request public («в открытом доступе»): `attribute[is_public]`. */
export const PUBLIC_ATTRIBUTE = 'is_public';

const publicAttribute = (order: number) => ({
  variable: true,
  code: PUBLIC_ATTRIBUTE,
  datatype: 'singlevaluelist',
  required: false,
  datatype_description:
    'true: the request is shown to everyone (without the applicant); false by default',
  order,
  description: 'В открытом доступе',
  values: [
    { key: 'true', name: 'Да' },
    { key: 'false', name: 'Нет' },
  ],
});

/**
 * GET services/{service_code}: the service definition. Its attributes: the fact list (`fact`,
 * a single value list, not required; absent for a service without facts) and `is_public`.
 */
export function open311ServiceDefinition(directory: Directory, serviceCode: string): Open311Value {
  const entry = directory.subcategory(serviceCode);
  if (!entry) throw notFound(`service_code ${serviceCode} was not found`);
  const { facts } = entry.subcategory;
  return {
    service_code: entry.subcategory.id,
    attributes: [
      ...(facts.length === 0
        ? []
        : [
            {
              variable: true,
              code: FACT_ATTRIBUTE,
              datatype: 'singlevaluelist',
              required: false,
              datatype_description: 'Факт: что именно случилось',
              order: 1,
              description: 'Факт',
              values: facts.map((f) => ({ key: f.id, name: f.name })),
            },
          ]),
      publicAttribute(facts.length === 0 ? 1 : 2),
    ],
  };
}
