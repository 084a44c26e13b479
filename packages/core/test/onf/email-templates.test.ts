import { describe, expect, it } from 'vitest';
import {
  applyCaseEvent,
  type CaseNotificationReason,
  caseStatusOf,
  compileCaseTemplate,
  createDirectory,
  defaultCaseEmailTemplates,
  renderCaseEmails,
} from '../../src/index.js';
import { onfDemoDirectoryInput } from '../../src/testing/index.js';
import { at, drive, start, toHeld, users } from './helpers.js';

const noLocksFacts = { heldCardIds: [] };

/** The ОНФ demo world, every user with an address of their own. */
const directory = createDirectory({
  ...onfDemoDirectoryInput,
  users: (onfDemoDirectoryInput.users ?? []).map((u) => ({
    ...u,
    email: `${u.id}@onf.example.ru`,
  })),
});

function emailsOf(snapshot: ReturnType<typeof start>, step: Record<string, unknown>) {
  const result = applyCaseEvent(snapshot, { at: at(500), ...step }, directory, noLocksFacts);
  if (!result.ok) throw new Error(result.error.message);
  return renderCaseEmails(result.effects, result.snapshot.context, result.status, directory);
}

describe('card e-mail templates', () => {
  it('check placeholders by their Russian names and refuse unknown ones', () => {
    expect(compileCaseTemplate('№ {{номер обращения}} — {{ Событие }}').ok).toBe(true);
    const wrong = compileCaseTemplate('{{Номер сообщения}} и {{Регион');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.issues.map((i) => i.code)).toEqual([
        'unknown_placeholder',
        'unclosed_placeholder',
      ]);
    }
    for (const template of Object.values(defaultCaseEmailTemplates)) {
      expect(compileCaseTemplate(template.subject).ok).toBe(true);
      expect(compileCaseTemplate(template.body).ok).toBe(true);
    }
  });

  it('say what the executor lacked when a close request comes back', () => {
    const held = drive(start(), toHeld);
    const { emails } = emailsOf(held, {
      type: 'case.close_request',
      by: users.executor75,
      reason: 'duplicate',
    });
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.reason).toBe('case_close_request_returned' satisfies CaseNotificationReason);
    expect(email?.to).toEqual([`${users.executor75.id}@onf.example.ru`]);
    expect(email?.subject).toBe('ОНФ. Помощь: карточка № 340820 — запрос на закрытие не принят');
    expect(email?.text).toContain(
      'Запрос на закрытие вернулся к вам в работу: Укажите номер обращения, которое дублирует это.',
    );
    expect(email?.text).toContain('Статус: В работе.');
  });

  it('tell the curator what to check, and the executor the curator’s comment', () => {
    const held = drive(start(), toHeld);
    const check = emailsOf(held, {
      type: 'case.resolve',
      by: users.executor75,
      description: 'Лекарства <доставлены> 16.01',
    });
    const toCurators = check.emails.find((e) => e.reason === 'case_review_requested');
    expect(toCurators?.text).toContain('Решение: Лекарства <доставлены> 16.01');
    expect(toCurators?.html).toContain('Решение: Лекарства &lt;доставлены&gt; 16.01<br>');
    const resolved = applyCaseEvent(
      held,
      { type: 'case.resolve', at: at(500), by: users.executor75, description: 'Готово' },
      directory,
    );
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(caseStatusOf(resolved.snapshot)).toBe('curator_check');
    const returned = emailsOf(resolved.snapshot, {
      type: 'case.return',
      by: users.curator75,
      comment: 'Опишите, кто доставил',
    });
    expect(returned.emails.map((e) => e.reason)).toContain('case_returned');
    expect(returned.emails.find((e) => e.reason === 'case_returned')?.text).toContain(
      'Куратор вернул карточку на доработку: Опишите, кто доставил',
    );
  });

  it('take a replacement template, and say nothing a moderator may not see', () => {
    const held = drive(start(), toHeld);
    const custom = {
      case_rereview_requested: {
        subject: 'Модерация: {{Номер обращения}}',
        body: '{{Регион}}: {{ФИО гражданина}}, решение: {{Решение исполнителя}}',
      },
    };
    const result = applyCaseEvent(
      held,
      { type: 'case.rereview_request', at: at(500), by: users.executor75, reason: 'wrong_region' },
      directory,
    );
    if (!result.ok) throw new Error(result.error.message);
    const { emails } = renderCaseEmails(
      result.effects,
      result.snapshot.context,
      result.status,
      directory,
      custom,
    );
    const email = emails.find((e) => e.reason === 'case_rereview_requested');
    expect(email?.subject).toBe('Модерация: 340820');
    expect(email?.text).toBe('Забайкальский край: Тестов Тест, решение: -');
    expect(() =>
      renderCaseEmails(result.effects, result.snapshot.context, result.status, directory, {
        case_rereview_requested: { subject: '{{Номер}}', body: '' },
      }),
    ).toThrow(/^Шаблон письма по карточке: неизвестная подстановка \{\{Номер\}\}/);
  });
});
