import { z } from 'zod';

/** RFC 9457 problem details as this API writes them. */
export const problemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'header', 'path']),
          path: z.array(z.union([z.string(), z.int()])),
          message: z.string(),
        }),
      )
      .optional(),
    eventType: z.string().optional(),
    messageStatus: z.string().optional(),
    currentVersion: z.int().optional(),
    maxBytes: z.int().optional(),
    /** `lock-conflict`: the cards whose lock the caller holds. */
    heldCardIds: z.array(z.string()).optional(),
    /** `not-allowed-in-status` on a card: the card's status. */
    caseStatus: z.string().optional(),
  })
  .loose();
