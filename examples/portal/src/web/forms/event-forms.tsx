import type { MessageEventType } from '@reshaem/core';
import { AnswerForms } from './answer-forms.js';
import { ClosingForms } from './closing-forms.js';
import { DeadlineForms } from './deadline-forms.js';
import type { FormContext } from './event-form.js';
import { ModerationForms, RoutingForms } from './routing-forms.js';

/** The form of one event a person may send. */
function FormFor({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  switch (type) {
    case 'moderation.accept':
    case 'moderation.reject':
    case 'moderation.correct':
      return <ModerationForms ctx={ctx} type={type} />;
    case 'executor.assign':
    case 'executor.reassign':
    case 'coordination.forward':
    case 'coordination.return':
    case 'work.take':
      return <RoutingForms ctx={ctx} type={type} />;
    case 'answer.submit':
    case 'answer.approve':
    case 'answer.return':
      return <AnswerForms ctx={ctx} type={type} />;
    case 'deadline.extension_request':
    case 'deadline.extension_approve':
    case 'deadline.extension_deny':
    case 'registration.update':
      return <DeadlineForms ctx={ctx} type={type} />;
    case 'rating.submit':
    case 'delivery.confirm':
      return <ClosingForms ctx={ctx} type={type} />;
    // Timers and the mailer's report: the system sends them, never a person.
    case 'deadline.due_soon':
    case 'deadline.overdue':
    case 'rating.window_closed':
    case 'delivery.overdue':
    case 'postponement.due':
    case 'delivery.email_result':
      return null;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** The main step of each status first, then the detours, then the rest. */
const ORDER: readonly MessageEventType[] = [
  'moderation.correct',
  'moderation.accept',
  'moderation.reject',
  'executor.assign',
  'work.take',
  'answer.submit',
  'answer.approve',
  'answer.return',
  'rating.submit',
  'delivery.confirm',
  'coordination.forward',
  'executor.reassign',
  'coordination.return',
  'deadline.extension_approve',
  'deadline.extension_deny',
  'deadline.extension_request',
  'registration.update',
];
const rank = (type: MessageEventType) => {
  const at = ORDER.indexOf(type);
  return at < 0 ? ORDER.length : at;
};

/** A button (with its fields) for each event `availableEvents` allows the user now. */
export function EventForms({ ctx, types }: { ctx: FormContext; types: MessageEventType[] }) {
  if (types.length === 0) {
    return <p class="muted">Сейчас у вас нет действий с этим сообщением.</p>;
  }
  return (
    <div class="actions">
      {[...types]
        .sort((a, b) => rank(a) - rank(b))
        .map((type) => (
          <FormFor ctx={ctx} type={type} />
        ))}
    </div>
  );
}
