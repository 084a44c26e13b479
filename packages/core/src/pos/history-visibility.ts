import type { Directory } from '../kernel/notifications/directory.js';
import type { MessageViewer, ViewerKind } from './viewer.js';
import type { HistoryRecord } from './workflow.js';

/** A history line a partial viewer sees: which parts of its payload, and whether who acted. */
export interface HistoryLineRule {
  payload: readonly string[];
  /** Show who acted; otherwise the line names the organisation holding the message. */
  by: boolean;
}
type LineRules = Partial<Record<HistoryRecord['type'], HistoryLineRule>>;

const line = (...payload: string[]): HistoryLineRule => ({ payload, by: false });

/**
 * The steps that concern the applicant (SPEC §11): submitted, accepted or rejected (with
 * the reason), answered, re-review (their rating), delivered, extension granted; and the
 * two that change what they are waiting for — the rating window closing (completed) and a
 * postponed answer's date arriving (back in work). What officials wrote stays out.
 */
const applicantLines: LineRules = {
  submit: line('channel'),
  'moderation.accept': line(),
  'moderation.reject': line('reason'),
  'answer.approve': line(),
  'rating.submit': line('score', 'comment'),
  'rating.window_closed': line(),
  'delivery.confirm': line('channel'),
  'deadline.extension_approve': line(),
  'postponement.due': line('until'),
};

/** The 122 operator: the applicant's lines, and the whole delivery record. */
const operatorLines: LineRules = {
  ...applicantLines,
  'delivery.confirm': { payload: ['channel', 'note'], by: true },
  'delivery.email_result': { payload: ['sent', 'error'], by: false },
  'delivery.overdue': line('dueAt'),
};

/** The public: how a public message went, without anything of the applicant's. */
const publicLines: LineRules = {
  submit: line(),
  'moderation.accept': line(),
  'answer.approve': line(),
  'deadline.extension_approve': line(),
  'postponement.due': line('until'),
  'rating.window_closed': line(),
};

/**
 * Which history lines the viewers who do not see everything see, by kind. Staff —
 * `system`, `holding_official`, `tree_official`, `admin` — see every line as recorded.
 */
export const historyLineRules: Readonly<
  Record<Exclude<ViewerKind, 'system' | 'holding_official' | 'tree_official' | 'admin'>, LineRules>
> = {
  operator: operatorLines,
  applicant: applicantLines,
  public: publicLines,
};

const fullKinds: ReadonlySet<ViewerKind> = new Set([
  'system',
  'holding_official',
  'tree_official',
  'admin',
]);

/**
 * One history line as this viewer may read it, or `null` when it is not theirs to see.
 * Staff get the record as is. Others get the lines of {@link historyLineRules}: their own
 * events whole, the rest with only the payload the rule names and, instead of the official
 * who acted, the organisation that held the message (`by: { id: orgId, name }`).
 *
 * @example
 * const lines = records.flatMap((r) => historyLineFor(viewer, r, directory) ?? []);
 */
export function historyLineFor<R extends HistoryRecord>(
  viewer: MessageViewer,
  record: R,
  directory: Directory,
): R | null {
  if (viewer.kinds.some((k) => fullKinds.has(k))) return record;
  const rules = viewer.kinds.flatMap((k) => {
    const rule = k in historyLineRules ? historyLineRules[k as keyof typeof historyLineRules] : {};
    return rule[record.type] ?? [];
  });
  if (rules.length === 0) return null;
  const isOwn = viewer.userId !== null && record.by.id === viewer.userId;
  if (isOwn && viewer.kinds.includes('applicant')) return record;
  const keys = new Set(rules.flatMap((r) => r.payload));
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.payload)) {
    if (keys.has(key)) payload[key] = value;
  }
  const org = directory.organisation(record.holdingOrgId);
  const by =
    isOwn || rules.some((r) => r.by)
      ? record.by
      : org
        ? { id: org.id, name: org.name }
        : { id: record.holdingOrgId };
  return { ...record, by, payload };
}
