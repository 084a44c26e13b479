import type {
  AutoruleCriterion,
  AutoruleTrial,
  Directory,
  MessageStore,
  Principal,
} from '@reshaem/core';
import type { RefusalView } from '../refusal.js';
import type { AdminApi } from './admin-api.js';
import { describeAdminRefusal } from './admin-refusal.js';

/** How many of the organisation's latest messages a dry run tries. */
export const DRY_RUN_MESSAGES = 20;

/** One message of a dry run: what the rule would do with it. */
export interface DryRunRow {
  messageId: string;
  number: string;
  /** The rule's criteria hold for it. */
  matches: boolean;
  /** The workflow would accept the rule's event now: the rule would route it. */
  routes: boolean;
  said: string;
}

/** The dry run's rows, or the API's refusal of the rule itself. */
export type DryRun = { ok: true; rows: DryRunRow[] } | { ok: false; refusal: RefusalView };

const criterionLabels: Readonly<Record<AutoruleCriterion, string>> = {
  categoryIds: 'категория',
  subcategoryIds: 'подкатегория',
  factIds: 'факт',
  regionCodes: 'регион',
  municipalities: 'муниципалитет',
  channels: 'канал',
  words: 'слова',
};

function said(trial: AutoruleTrial, directory: Directory): string {
  switch (trial.kind) {
    case 'accepted':
      return trial.event.type === 'coordination.forward'
        ? `направило бы в «${directory.organisation(trial.holdingOrgId)?.name ?? trial.holdingOrgId}»`
        : `назначило бы исполнителя: ${directory.user(trial.executorId ?? '')?.name ?? trial.executorId}`;
    case 'refused':
      return `подходит, но процесс не принял бы: ${trial.error.message}`;
    case 'not_applicable':
      return trial.reason === 'other_organisation'
        ? 'подходит, но сообщение сейчас в другой организации'
        : trial.reason === 'not_in_coordination'
          ? 'подходит, но сообщение уже распределено'
          : 'подходит, но сообщение возвращено или на повторном рассмотрении: правила действуют только на новые';
    case 'no_match':
      return `не подходит: ${trial.mismatches.map((c) => criterionLabels[c]).join(', ')}`;
    case 'invalid_rule':
      return 'правило с ошибками';
    default: {
      const unreachable: never = trial;
      return unreachable;
    }
  }
}

/**
 * Tries a draft rule, through the API's dry run, on the latest messages the admin sees at
 * the organisation: which it would route now, which match but are past routing, which not.
 */
export async function dryRun(
  api: AdminApi,
  store: MessageStore,
  user: Principal,
  orgId: string,
  rule: Record<string, unknown>,
): Promise<DryRun> {
  const page = await store.list(user, {
    orgIds: store.directory.subtreeOf(orgId),
    sort: 'createdAt',
    direction: 'desc',
    limit: DRY_RUN_MESSAGES,
  });
  const rows: DryRunRow[] = [];
  for (const item of page.items) {
    const answer = await api.tryRule<AutoruleTrial>(user, orgId, rule, item.id);
    if (!answer.ok) return { ok: false, refusal: describeAdminRefusal(answer) };
    const { trial } = answer.body;
    rows.push({
      messageId: item.id,
      number: item.snapshot.context.number,
      matches: trial.kind !== 'no_match' && trial.kind !== 'invalid_rule',
      routes: trial.kind === 'accepted',
      said: said(trial, store.directory),
    });
  }
  return { ok: true, rows };
}
