import type { CaseStoreError } from '@reshaem/core';
import { refusalLabels } from '../labels.js';
import { describeRefusal, type RefusalView } from '../refusal.js';

/** A held card named for the person: its number. */
export interface HeldCard {
  id: string;
  number: string;
}

/**
 * A refused card event as a person reads it: the ПОС refusal headlines, and for a second
 * lock the card the executor already works on, by its number.
 */
export function describeCaseRefusal(error: CaseStoreError, held: readonly HeldCard[]): RefusalView {
  switch (error.kind) {
    case 'lock_conflict': {
      const numbers = held.map((c) => `№ ${c.number}`).join(', ');
      return {
        title: 'Вы уже работаете над другой карточкой',
        details: [
          `Одновременно можно работать только с одной карточкой. Завершите работу над карточкой ${numbers} («Завершить работу над карточкой»), чтобы взять эту.`,
        ],
      };
    }
    case 'not_found':
      return { title: 'Карточка не найдена', details: [error.message] };
    case 'version_conflict':
      return {
        title: 'Карточку уже изменил другой пользователь — обновите страницу',
        details: [error.message],
      };
    case 'already_exists':
      return { title: 'Карточка с таким номером уже есть', details: [error.message] };
    case 'invalid_payload':
      return describeRefusal(error);
    case 'not_allowed_in_status':
    case 'forbidden':
    case 'idempotency_conflict':
    case 'unsupported_definition':
      return { title: refusalLabels[error.kind], details: [error.message] };
    default: {
      const unknown: never = error;
      return unknown;
    }
  }
}
