/**
 * The HTTP layer's own refusals (routing, bodies, query strings, headers, the admin's
 * settings) speak Russian in `detail` and in each error's `message`; `type`, `in` and the
 * field paths stay what programs switch on.
 */
import { describe, expect, it } from 'vitest';
import { expectProblem, potholeBody, world } from './support.js';

const admin = '/admin/organisations/kam-roads';

describe('the HTTP layer’s own details in Russian', () => {
  it('404 and 405 say what was asked for', async () => {
    const w = world();
    const missing = await w.call('GET', '/nowhere', { as: 'applicant' });
    expect((await expectProblem(missing, 'not-found', 404)).detail).toBe(
      'Здесь ничего нет: GET /nowhere',
    );
    const wrong = await w.call('DELETE', '/messages', { as: 'applicant' });
    expect((await expectProblem(wrong, 'method-not-allowed', 405)).detail).toBe(
      'Метод DELETE здесь не поддерживается',
    );
  });

  it('401 asks to sign in', async () => {
    const res = await world().call('GET', '/messages');
    expect((await expectProblem(res, 'unauthenticated', 401)).detail).toBe(
      'Войдите: пришлите учётные данные, которые принимает портал',
    );
  });

  it('a body that is not JSON, or not a JSON object', async () => {
    const w = world();
    const broken = await w.call('POST', '/messages', { as: 'applicant', body: '{"text": ' });
    expect((await expectProblem(broken, 'malformed-json', 400)).detail).toBe(
      'Тело запроса — не JSON: проверьте скобки, кавычки и запятые',
    );
    const plain = await w.call('POST', '/messages', {
      as: 'applicant',
      body: 'яма',
      headers: { 'content-type': 'text/plain' },
    });
    expect((await expectProblem(plain, 'unsupported-media-type', 415)).detail).toBe(
      'Пришлите тело запроса как application/json',
    );
    const list = await w.call('POST', '/messages', { as: 'applicant', body: [] });
    const problem = await expectProblem(list, 'validation', 422);
    expect(problem.errors).toEqual([{ in: 'body', path: [], message: 'Ожидался JSON-объект' }]);
  });

  it('query parameters: unknown, repeated, a broken cursor', async () => {
    const w = world();
    const res = await w.call('GET', '/messages?colour=red&status=new&status=closed&sort=a&sort=b', {
      as: 'coordinatorRoads',
    });
    const problem = await expectProblem(res, 'validation', 422);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { in: 'query', path: ['colour'], message: 'Неизвестный параметр запроса' },
        { in: 'query', path: ['sort'], message: 'Укажите этот параметр один раз' },
      ]),
    );
    const cursor = await w.call('GET', '/messages?cursor=%21%21', { as: 'coordinatorRoads' });
    expect((await expectProblem(cursor, 'validation', 422)).errors).toEqual([
      { in: 'query', path: ['cursor'], message: 'Повреждённый курсор' },
    ]);
  });

  it('an Idempotency-Key out of shape names the header', async () => {
    const res = await world().call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody(),
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expect((await expectProblem(res, 'validation', 422)).errors).toEqual([
      {
        in: 'header',
        path: ['Idempotency-Key'],
        message: 'Ключ идемпотентности — от 1 до 255 печатных символов ASCII',
      },
    ]);
  });

  it('the admin’s settings: another organisation by name, an unknown one, a duplicate id', async () => {
    const w = world();
    const other = await w.call('GET', '/admin/organisations/kam-gov/autorules', {
      as: 'adminRoads',
    });
    expect((await expectProblem(other, 'forbidden', 403)).detail).toBe(
      'Настройками организации «Правительство Камчатского края» управляет только её администратор',
    );
    const unknown = await w.call('GET', '/admin/organisations/nowhere/autorules', {
      as: 'adminRoads',
    });
    expect((await expectProblem(unknown, 'not-found', 404)).detail).toBe(
      'Организация nowhere не найдена',
    );
    const template = { id: 't1', name: 'Яма', body: 'Сообщение № {{Номер сообщения}}' };
    const twice = await w.call('PUT', `${admin}/answer-templates`, {
      as: 'adminRoads',
      body: { items: [template, template] },
    });
    expect((await expectProblem(twice, 'validation', 422)).errors).toEqual([
      { in: 'body', path: ['items', 1, 'id'], message: 'Повторяющийся id t1' },
    ]);
  });
});
