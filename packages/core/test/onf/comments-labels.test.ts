import { describe, expect, it } from 'vitest';
import { availableCaseEvents, FEDERAL_LABEL } from '../../src/index.js';
import {
  applied,
  at,
  createCard,
  directory,
  drive,
  expectRefused,
  reach,
  send,
  start,
  toHeld,
  users,
} from './helpers.js';

describe('case.comment: «Ход решения»', () => {
  it('appends a line with its author and instant', () => {
    const result = applied(
      send(
        drive(start(), toHeld),
        { type: 'case.comment', by: users.executor75, text: 'Связался с заявителем' },
        7,
      ),
    );
    expect(result.status).toBe('in_work');
    expect(result.snapshot.context.comments).toEqual([
      {
        at: at(7),
        authorId: 'exec-75',
        authorName: 'Ходков Андрей (исполнитель)',
        text: 'Связался с заявителем',
        source: 'case.comment',
      },
    ]);
    expect(result.effects).toEqual([]);
  });

  it('is open to everyone on the card in every status that is not final', () => {
    for (const [name, get] of Object.entries(reach)) {
      const card = get();
      const event = { type: 'case.comment', by: users.supervisor75, text: 'Контроль' };
      const result = send(card, event, 900);
      if (name === 'done' || name === 'closed') expectRefused(result, 'not_allowed_in_status');
      else expect(result.ok, name).toBe(true);
    }
    const card = drive(start(), toHeld);
    for (const by of [users.curator75, users.moderator, users.support, users.curatorHq]) {
      expect(send(card, { type: 'case.comment', by, text: 'Ок' }).ok).toBe(true);
    }
    for (const by of [users.executor75b, users.curator51, users.operator]) {
      expectRefused(send(card, { type: 'case.comment', by, text: 'Ок' }), 'forbidden');
    }
  });

  it('collects the comments that come with other events', () => {
    const card = drive(start(), [
      ...toHeld,
      { type: 'case.federal_level', by: users.executor75, comment: 'Нужен федеральный бюджет' },
    ]);
    expect(card.context.comments.map((c) => c.source)).toEqual(['case.federal_level']);
  });
});

describe('case.federal_level: «Федеральный уровень»', () => {
  it('labels the card once; the button then disappears', () => {
    const held = drive(start(), toHeld);
    const result = applied(send(held, { type: 'case.federal_level', by: users.executor75 }, 5));
    expect(result.snapshot.context.labels).toEqual([FEDERAL_LABEL]);
    expect(result.status).toBe('in_work');
    expect(availableCaseEvents(result.snapshot, users.executor75, directory)).not.toContain(
      'case.federal_level',
    );
    expectRefused(
      send(result.snapshot, { type: 'case.federal_level', by: users.executor75 }, 6),
      'not_allowed_in_status',
    );
  });

  it('keeps labels sorted among the others', () => {
    const card = drive(start(createCard({ labels: ['zeta', 'alpha'] })), [
      ...toHeld,
      { type: 'case.federal_level', by: users.executor75 },
    ]);
    expect(card.context.labels).toEqual(['alpha', FEDERAL_LABEL, 'zeta']);
  });

  it('is the lock holder’s button', () => {
    expectRefused(
      send(drive(start(), toHeld), { type: 'case.federal_level', by: users.supervisor75 }),
      'forbidden',
    );
  });
});

describe('case.contact_attempt', () => {
  it('logs the call with its local day and outcome', () => {
    const result = applied(
      send(
        drive(start(), toHeld),
        {
          type: 'case.contact_attempt',
          by: users.executor75,
          outcome: 'busy',
          comment: 'Занято',
        },
        4,
      ),
    );
    expect(result.snapshot.context.contactAttempts).toEqual([
      { at: at(4), day: '2025-01-15', outcome: 'busy', by: 'exec-75', comment: 'Занято' },
    ]);
    expectRefused(
      send(result.snapshot, {
        type: 'case.contact_attempt',
        by: users.executor75,
        outcome: 'lost',
      }),
      'invalid_payload',
    );
  });
});
