import {
  createMemoryStore,
  defineMessageWorkflow,
  type MessageWorkflow,
  messageMachine,
  posWorkflow,
} from '@reshaem/core';
import { describe, expect, it } from 'vitest';
import { directory, drive, expectProblem, json, storeState, toInWork, world } from './support.js';

/** Release 2 as a portal restarted on it sees it: the same machine, v1 retired. */
const retiringV1 = defineMessageWorkflow({
  current: { version: 2, machine: messageMachine },
  older: [{ policy: 'retired', version: 1 }],
});

/** The store's workflow, switched from release 1 to release 2 with the messages kept. */
function release(): { workflow: MessageWorkflow; upgrade(): void } {
  let active: MessageWorkflow = posWorkflow;
  return {
    workflow: {
      get definition() {
        return active.definition;
      },
      get known() {
        return active.known;
      },
      startMessage: (input, d) => active.startMessage(input, d),
      applyEvent: (s, input, d) => active.applyEvent(s, input, d),
      availableEvents: (s, p, d) => active.availableEvents(s, p, d),
      acceptsEvent: (s, type) => active.acceptsEvent(s, type),
      statusOf: (s) => active.statusOf(s),
      upgrade: (s) => active.upgrade(s),
    },
    upgrade() {
      active = retiringV1;
    },
  };
}

describe('messages of a definition version the store does not support', () => {
  it('show no available events and refuse events with 409 unsupported-definition', async () => {
    const r = release();
    const w = world({ store: createMemoryStore({ directory, workflow: r.workflow }) });
    const id = await drive(w, toInWork);
    const read = async () =>
      json<{ availableEvents: string[] }>(
        await w.call('GET', `/messages/${id}`, { as: 'executorRoads' }),
      );
    expect((await read()).availableEvents).toContain('answer.submit');

    r.upgrade();
    expect((await read()).availableEvents).toEqual([]);
    const before = await storeState(w.store);
    const refused = await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'executorRoads',
        body: { type: 'answer.submit', answer: { type: 'resolved', text: 'Сделано', files: [] } },
      }),
      'unsupported-definition',
      409,
    );
    expect(refused).toMatchObject({
      workflow: 'pos',
      definitionVersion: 1,
      supportedVersions: [2],
    });
    expect(await storeState(w.store)).toBe(before);

    // New messages start on release 2 and take events as before.
    const fresh = await drive(w, toInWork);
    const view = await json<{ availableEvents: string[] }>(
      await w.call('GET', `/messages/${fresh}`, { as: 'executorRoads' }),
    );
    expect(view.availableEvents).toContain('answer.submit');
    expect((await w.store.get(fresh))?.snapshot.definition).toEqual({
      workflow: 'pos',
      version: 2,
    });
  });
});
