import type { Grant } from './permissions.js';
import { messagePermissions } from './permissions.js';
import { messageEventTypes } from './schemas/events.js';
import { messageStatusSchema } from './schemas/message.js';
import { folderLabels, messageStatuses } from './status.js';
import { acceptsEvent } from './workflow.js';

const describeGrant = (grant: Grant): string => {
  const where = grant.in ? ` (in ${grant.in.join(', ')})` : '';
  switch (grant.scope) {
    case 'holding':
      return `${grant.role} of the holding organisation${where}`;
    case 'assignee':
      return `the assigned executor${where}`;
    case 'moderation':
      return `moderator of the receiving organisation or above${where}`;
    case 'own':
      return `the applicant who sent it${where}`;
    case 'system':
      return `the system (timers, autorules)${where}`;
    case 'operator_entered':
      return `any operator, on operator-entered messages${where}`;
    case 're_review_curator':
      return `the curator, on a re-review at the top of the tree${where}`;
    default:
      return 'unknown';
  }
};

/**
 * The ПОС domain reference as Markdown, generated from the status table, the machine and
 * the permission table: statuses with labels, stages and folders; every event with the
 * statuses that accept it and who may send it.
 */
export function domainReference(): string {
  const lines = [
    '# ПОС domain reference',
    '',
    '<!-- Generated from packages/core by `npm run docs:diagrams`. Do not edit. -->',
    '',
    '## Statuses',
    '',
    '| code | label | stage | final |',
    '|---|---|---|---|',
  ];
  for (const status of messageStatusSchema.options) {
    const info = messageStatuses[status];
    lines.push(
      `| \`${status}\` | ${info.label} | ${info.stageLabel} | ${info.final ? 'yes' : 'no'} |`,
    );
  }
  lines.push('', '## Folders', '', '| folder | label |', '|---|---|');
  for (const [folder, label] of Object.entries(folderLabels))
    lines.push(`| \`${folder}\` | ${label} |`);
  lines.push('', '## Events', '', '| event | accepted in | who may send it |', '|---|---|---|');
  for (const type of messageEventTypes) {
    const statuses = messageStatusSchema.options.filter((status) =>
      acceptsEvent({ value: { status, deadline: 'pending' } }, type),
    );
    const byDeadline = acceptsEvent(
      { value: { status: 'coordination', deadline: { running: 'on_time' } } },
      type,
    );
    const where =
      statuses.length > 0
        ? statuses.map((s) => `\`${s}\``).join(', ')
        : byDeadline
          ? 'while the response deadline runs (registration → approved answer)'
          : '—';
    const who = messagePermissions[type].map(describeGrant).join('; ');
    lines.push(`| \`${type}\` | ${where} | ${who} |`);
  }
  lines.push('');
  return lines.join('\n');
}
