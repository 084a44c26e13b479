import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applyEvent,
  caseEventActions,
  caseEventTypes,
  messageEventTypes,
  posEventActions,
  refusalText,
  russianErrors,
  shortPersonName,
  type WorkflowError,
} from '../../src/index.js';
import { at, directory, drive, expectRefused, start, toApproval, users } from '../helpers.js';

describe('refusals in Russian', () => {
  const onApproval = () => drive(start(), toApproval);

  it('name the person, their organisation, the action and the message', () => {
    const s = onApproval();
    const refused = applyEvent(
      s,
      { type: 'answer.approve', at: at(100), by: users.executorRoads },
      directory,
    );
    expectRefused(refused, 'forbidden');
    if (refused.ok) return;
    expect(refused.error).toMatchObject({
      kind: 'forbidden',
      eventType: 'answer.approve',
      principalId: 'exec-kam-roads',
      subject: { kind: 'message', id: s.context.id, number: s.context.number },
    });
    expect(refused.error.message).toBe(
      `Исполнитель Новиков Д. (Министерство транспорта и дорожного строительства Камчатского края) не может утвердить ответ по сообщению № ${s.context.number}`,
    );
    expect(refusalText(refused.error, directory)).toBe(refused.error.message);
  });

  it('name the status when the status does not take the event', () => {
    const s = onApproval();
    const refused = applyEvent(
      s,
      { type: 'work.take', at: at(100), by: users.executorRoads },
      directory,
    );
    expectRefused(refused, 'not_allowed_in_status');
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        `Сообщение № ${s.context.number} в статусе «На утверждении»: сейчас нельзя взять сообщение в работу`,
      );
    }
  });

  it('word zod’s own issues in Russian, lengths plainly', () => {
    const s = onApproval();
    const refused = applyEvent(
      s,
      { type: 'answer.return', at: at(100), by: users.headRoads, comment: 'я'.repeat(5001) },
      directory,
    );
    expectRefused(refused, 'invalid_payload');
    if (!refused.ok && refused.error.kind === 'invalid_payload') {
      expect(refused.error.issues).toEqual([
        { path: ['comment'], message: 'Не длиннее 5\u00a0000 символов' },
      ]);
    }
    const missing = applyEvent(
      s,
      { type: 'answer.return', at: at(100), by: users.headRoads },
      directory,
    );
    expect(!missing.ok && missing.error.message).toMatch(/^comment: Неверный ввод/);
  });

  it('leave the host application’s zod in English', () => {
    expect(z.string().max(2).safeParse('abc').error?.issues[0]?.message).toMatch(/^Too big/);
    expect(z.string().max(2).safeParse('abc', russianErrors).error?.issues[0]?.message).toBe(
      'Не длиннее 2 символов',
    );
    expect(
      z.array(z.string()).max(1).safeParse(['a', 'b'], russianErrors).error?.issues[0]?.message,
    ).toBe('Не больше 1 элемента');
  });

  it('word the stores’ refusals too', () => {
    const conflict: Parameters<typeof refusalText>[0] = {
      kind: 'version_conflict',
      message: 'message m-1 is at version 3, not 2',
      expected: 2,
      actual: 3,
    };
    expect(refusalText(conflict, directory)).toMatch(/^Данные уже изменил другой пользователь/);
    const unknown: WorkflowError = {
      kind: 'forbidden',
      message: '',
      eventType: 'answer.approve',
      principalId: 'nobody',
      subject: { kind: 'message', id: 'm-1', number: '41-1' },
    };
    expect(refusalText(unknown, directory)).toBe(
      'Пользователь nobody не может утвердить ответ по сообщению № 41-1',
    );
  });

  it('have a Russian name for every event of both workflows', () => {
    expect(Object.keys(posEventActions).sort()).toEqual(['submit', ...messageEventTypes].sort());
    expect(Object.keys(caseEventActions).sort()).toEqual(['case.create', ...caseEventTypes].sort());
  });

  it('shorten names to a surname with initials', () => {
    expect(shortPersonName('Иванов Иван Иванович')).toBe('Иванов И. И.');
    expect(shortPersonName('Голубева Светлана (оператор)')).toBe('Голубева С.');
    expect(shortPersonName('Система')).toBe('Система');
  });
});
