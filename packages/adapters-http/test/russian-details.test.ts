/**
 * Problem details speak Russian to people — naming the person, their organisation and the
 * message — while `type`, the codes and the field paths stay what programs switch on.
 */
import { describe, expect, it } from 'vitest';
import {
  drive,
  expectProblem,
  json,
  operatorBody,
  storeState,
  toApproval,
  toInWork,
  world,
} from './support.js';

describe('problem details in Russian', () => {
  it('403: who may not do what on which message, with the event type kept', async () => {
    const w = world();
    const id = await drive(w, toApproval);
    const { number } = (await w.store.get(id))?.snapshot.context ?? { number: '' };
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'executorRoads',
      body: { type: 'answer.approve' },
    });
    const problem = await expectProblem(res, 'forbidden', 403);
    expect(problem.eventType).toBe('answer.approve');
    expect(problem.detail).toBe(
      `Исполнитель Новиков Д. (Министерство транспорта и дорожного строительства Камчатского края) не может утвердить ответ по сообщению № ${number}`,
    );
  });

  it('409: the status by its Russian name', async () => {
    const w = world();
    const id = await drive(w, toApproval);
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'executorRoads',
      body: { type: 'work.take' },
    });
    const problem = await expectProblem(res, 'not-allowed-in-status', 409);
    expect(problem.messageStatus).toBe('on_approval');
    expect(problem.detail).toMatch(
      /в статусе «На утверждении»: сейчас нельзя взять сообщение в работу$/,
    );
  });

  it('422: a too long answer in Russian, at the same field path', async () => {
    const w = world();
    const id = await drive(w, toInWork);
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'executorRoads',
      body: { type: 'answer.submit', answer: { type: 'resolved', text: 'я'.repeat(20_001) } },
    });
    const problem = await expectProblem(res, 'validation', 422);
    expect(problem.errors).toEqual([
      { in: 'body', path: ['answer', 'text'], message: 'Не длиннее 20\u00a0000 символов' },
    ]);
    expect(problem.detail).toBe('answer.text: Не длиннее 20\u00a0000 символов');
  });

  it('422: a submission’s fields and 404 in Russian', async () => {
    const w = world();
    const bad = await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: { ...operatorBody(), channel: 'epgu_form', applicant: { name: 'И', email: 'x' } },
      }),
      'validation',
      422,
    );
    expect(bad.errors).toEqual([
      { in: 'body', path: ['applicant', 'email'], message: 'Неверный email адрес' },
    ]);
    const missing = await expectProblem(
      await w.call('GET', '/messages/nope', { as: 'coordinatorRoads' }),
      'not-found',
      404,
    );
    expect(missing.detail).toBe('Сообщение nope не найдено');
  });

  it('403: the Ulyanovsk 112 operator may not route to a Kamchatka ministry, and nothing is written', async () => {
    const w = world();
    const before = await storeState(w.store);
    const problem = await expectProblem(
      await w.call('POST', '/messages', {
        as: 'operator',
        body: operatorBody({ orgId: 'kam-roads', regionCode: '41' }),
      }),
      'forbidden',
      403,
    );
    expect(problem.detail).toBe(
      'Оператор приема обращений Голубева С. (Центр мониторинга 112 Ульяновской области) не может направить сообщение в организацию «Министерство транспорта и дорожного строительства Камчатского края»: оператор направляет сообщения только в организации своего региона',
    );
    expect(await storeState(w.store)).toBe(before);
    const own = await w.call('POST', '/messages', { as: 'operator', body: operatorBody() });
    expect(own.status).toBe(201);
    expect((await json<{ message: { holdingOrgId: string } }>(own)).message.holdingOrgId).toBe(
      'uly-roads',
    );
  });
});
