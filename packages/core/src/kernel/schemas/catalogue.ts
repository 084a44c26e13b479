import { z } from 'zod';
import { idSchema, storableString } from './primitives.js';

/** How a subcategory's response deadline is counted. */
export const deadlineRuleSchema = z
  .object({
    days: z.int().min(1).max(365),
    unit: z.enum(['calendar', 'working']).default('calendar'),
  })
  .default({ days: 30, unit: 'calendar' });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const factSchema = z.object({
  id: idSchema,
  name: storableString().min(1).max(500),
});
export type Fact = z.infer<typeof factSchema>;

export const subcategorySchema = z
  .object({
    id: idSchema,
    name: storableString().min(1).max(500),
    /** Fast-track subcategories are answered within at most 10 days. */
    fastTrack: z.boolean().default(false),
    deadline: deadlineRuleSchema,
    facts: z.array(factSchema).default([]),
  })
  .refine((s) => !s.fastTrack || s.deadline.days <= 10, {
    message: 'На сообщения ускоренной подкатегории отвечают не дольше 10 дней',
    path: ['deadline', 'days'],
  });
export type Subcategory = z.infer<typeof subcategorySchema>;

export const categorySchema = z.object({
  id: idSchema,
  name: storableString().min(1).max(500),
  subcategories: z.array(subcategorySchema).min(1),
});
export type Category = z.infer<typeof categorySchema>;

/** The three-level topic catalogue: category → subcategory → fact. */
export const catalogueSchema = z.object({
  categories: z.array(categorySchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;
