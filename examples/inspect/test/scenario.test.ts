import { createServer } from 'node:net';
import { defineMessageWorkflow, messageMachine, messageStatusSchema } from '@reshaem/core';
import { createDemoDirectory } from '@reshaem/core/testing';
import {
  createWebSocketInspector,
  createWebSocketReceiver,
  type StatelyInspectionEvent,
} from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';
import { describe, expect, it } from 'vitest';
import { createOfflineInspector, flushInspector } from '../src/offline.js';
import { playScenario } from '../src/play.js';
import { scenario } from '../src/scenario.js';

const directory = createDemoDirectory();

describe('the inspector scenario', () => {
  it('visits every status through real actors that agree with the core, and prints it offline', async () => {
    const lines: string[] = [];
    const inspector = createOfflineInspector((line) => lines.push(line));
    const visited = await playScenario(scenario, { directory, inspect: inspector.inspect });
    await flushInspector();

    expect(new Set(visited.flat())).toEqual(new Set(messageStatusSchema.options));
    expect(visited.map((statuses) => statuses.at(-1))).toEqual([
      'completed',
      'completed',
      'rejected',
    ]);
    expect(lines.filter((l) => l.endsWith('actor started'))).toEqual([
      '[message 41-000001 · pos definition v1] actor started',
      '[message 73-000002 · pos definition v1] actor started',
      '[message 41-000003 · pos definition v1] actor started',
    ]);
    for (const status of messageStatusSchema.options) {
      expect(
        lines.some((l) => l.includes(`state status.${status}`)),
        status,
      ).toBe(true);
    }
    for (const timer of [
      'deadline.due_soon',
      'deadline.overdue',
      'postponement.due',
      'delivery.overdue',
      'rating.window_closed',
    ]) {
      expect(
        lines.some((l) => l.includes(`event ${timer} by Система`)),
        timer,
      ).toBe(true);
    }
    expect(lines).toContain(
      '[message 41-000001 · pos definition v1]   state status.coordination · deadline.running.on_time',
    );
    expect(lines.some((l) => /event rating\.submit by Иванов Иван Иванович at 2025-/.test(l))).toBe(
      true,
    );
  });

  it('narrates each step with the status it leads to', async () => {
    const steps: string[] = [];
    await playScenario(scenario, {
      directory,
      onStep: (s) => steps.push(`${s.message} ${s.type} → ${s.status}`),
    });
    expect(steps).toContain('41-000001 rating.submit → coordination');
    expect(steps).toContain('73-000002 delivery.confirm → answer_delivered');
    expect(steps.at(-1)).toBe('41-000003 moderation.reject → rejected');
  });

  it('relays the inspection events through the local server the analyst opens', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const server = createInspectorServer({ port, autoOpen: false });
    const received: StatelyInspectionEvent[] = [];
    try {
      const browser = createWebSocketReceiver({ server: `ws://localhost:${port}` });
      browser.subscribe((event) => received.push(event));
      const inspector = createWebSocketInspector({ url: `ws://localhost:${port}` });
      await playScenario(scenario.slice(2), { directory, inspect: inspector.inspect });
      for (
        let i = 0;
        i < 100 &&
        !received.some(
          (e) =>
            e.type === '@xstate.snapshot' &&
            (e.snapshot as { value?: { status?: string } }).value?.status === 'rejected',
        );
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      inspector.stop();
      expect(received.filter((e) => e.type === '@xstate.actor')).toHaveLength(1);
      expect(
        received.some(
          (e) =>
            e.type === '@xstate.event' &&
            (e.event as { type: string }).type === 'moderation.reject',
        ),
      ).toBe(true);
    } finally {
      server.stop();
    }
  });

  it('names each actor with the definition version it runs', async () => {
    const v2 = defineMessageWorkflow({
      current: { version: 2, machine: messageMachine },
      older: [{ policy: 'keep', definition: { version: 1, machine: messageMachine } }],
    });
    const lines: string[] = [];
    const inspector = createOfflineInspector((line) => lines.push(line));
    await playScenario(scenario.slice(2), { directory, inspect: inspector.inspect, workflow: v2 });
    await flushInspector();
    expect(lines.filter((l) => l.endsWith('actor started'))).toEqual([
      '[message 41-000003 · pos definition v2] actor started',
    ]);
  });
});
