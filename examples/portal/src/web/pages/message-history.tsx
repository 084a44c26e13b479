import {
  type Directory,
  deadlineLabel,
  type MessageEventType,
  messageStatuses,
  type StoredHistoryRecord,
} from '@reshaem/core';
import { formatInstant, formatLocalDate, orgName, userName } from '../format.js';
import { deliveryChannelLabels, historyLabels } from '../labels.js';

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** A correction's changes, each as «было → стало», named from the directory. */
function correctionDetails(p: Record<string, unknown>, directory: Directory): string[] {
  const from = (p.from ?? {}) as Record<string, unknown>;
  const to = (p.to ?? {}) as Record<string, unknown>;
  const subcategory = (id: unknown) =>
    directory.subcategory(String(id))?.subcategory.name ?? String(id);
  const category = (id: unknown) =>
    directory.catalogue.categories.find((c) => c.id === id)?.name ?? String(id);
  const fact = (sub: unknown, id: unknown) =>
    id === null || id === undefined
      ? '—'
      : (directory.subcategory(String(sub))?.subcategory.facts.find((f) => f.id === id)?.name ??
        String(id));
  const out: string[] = [];
  if (from.orgId !== to.orgId) {
    out.push(
      `получатель: «${orgName(directory, String(from.orgId))}» → «${orgName(directory, String(to.orgId))}»`,
    );
  }
  if (from.categoryId !== to.categoryId) {
    out.push(`категория: «${category(from.categoryId)}» → «${category(to.categoryId)}»`);
  }
  if (from.subcategoryId !== to.subcategoryId) {
    out.push(
      `подкатегория: «${subcategory(from.subcategoryId)}» → «${subcategory(to.subcategoryId)}»`,
    );
  }
  if (from.factId !== to.factId) {
    out.push(
      `факт: «${fact(from.subcategoryId, from.factId)}» → «${fact(to.subcategoryId, to.factId)}»`,
    );
  }
  return out;
}

/** The parts of an event's payload worth a line in the history. */
function details(record: StoredHistoryRecord, directory: Directory, timeZone: string): string[] {
  const p = record.payload;
  const out: string[] = [];
  const executorId = str(p.executorId);
  if (executorId) out.push(`исполнитель: ${userName(directory, executorId)}`);
  const orgId = str(p.toOrgId) ?? (record.type === 'coordination.forward' ? str(p.orgId) : null);
  if (orgId) out.push(`в «${orgName(directory, orgId)}»`);
  if (record.type === 'moderation.correct') out.push(...correctionDetails(p, directory));
  if (typeof p.score === 'number') out.push(`оценка ${p.score}`);
  const until = str(p.until);
  if (until) {
    out.push(until.length === 10 ? `до ${formatLocalDate(until)}` : deadlineLabel(until, timeZone));
  }
  const channel = str(p.channel);
  if (record.type === 'delivery.confirm' && channel) {
    out.push(deliveryChannelLabels[channel as keyof typeof deliveryChannelLabels] ?? channel);
  }
  const answer = p.answer as { text?: unknown } | undefined;
  const text = str(answer?.text);
  if (text) out.push(`«${text}»`);
  for (const key of ['reason', 'comment', 'note'] as const) {
    const value = str(p[key]);
    if (value) out.push(`«${value}»`);
  }
  return out;
}

/** The history (ход работ): every event, who sent it, and what it changed. */
export function MessageHistory(props: {
  records: readonly StoredHistoryRecord[];
  directory: Directory;
  timeZone: string;
}) {
  const { records, directory, timeZone } = props;
  return (
    <ol class="history">
      {records.map((r) => {
        const moved = r.fromStatus !== r.toStatus;
        return (
          <li data-history={r.type}>
            <span class="muted">{formatInstant(r.at, timeZone)}</span>{' '}
            <strong>{historyLabels[r.type as 'submit' | MessageEventType] ?? r.type}</strong>
            {' — '}
            {r.by.name ?? r.by.id}
            {moved && (
              <span class="muted">
                {' · '}
                {r.fromStatus ? `${messageStatuses[r.fromStatus].label} → ` : ''}
                {messageStatuses[r.toStatus].label}
              </span>
            )}
            {details(r, directory, timeZone).map((d) => (
              <div class="muted">{d}</div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
