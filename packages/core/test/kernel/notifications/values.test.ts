import { describe, expect, it } from 'vitest';
import { placeholderValues, statusOf } from '../../../src/index.js';
import { at, directory, drive, operatorSubmit, start, toAssigned, users } from '../../helpers.js';

describe('placeholderValues', () => {
  it('shows dates and times in the holding organisation’s zone (Kamchatka, UTC+12)', () => {
    const assigned = drive(start(), [
      ...toAssigned.slice(0, 1),
      {
        type: 'executor.assign',
        by: users.coordinatorRoads,
        executorId: users.executorRoads.id,
        executionDueAt: '2025-01-20T11:59:00Z',
      },
      {
        type: 'registration.update',
        by: users.coordinatorRoads,
        registrationNumber: 'РН-17/2025',
      },
    ]);
    const values = placeholderValues(assigned.context, statusOf(assigned), directory, {
      user: { id: users.executorRoads.id },
      now: at(2),
    });
    expect(values).toEqual({
      number: '41-000001',
      category: 'Дороги',
      currentOrgName: 'Министерство транспорта и дорожного строительства Камчатского края',
      orgName: 'Министерство транспорта и дорожного строительства Камчатского края',
      createdDate: '15.01.2025',
      createdTime: '23:18',
      plannedDueDate: '25.01.2025',
      status: 'Назначен исполнитель',
      // Time left to the execution deadline, counted from `now` (23:20 local).
      executionTime: '5 дней 0 часов 39 минут / до 23:59 20.01.2025',
      applicantName: 'Иванов Иван Иванович',
      userName: 'Новиков Денис (исполнитель)',
      registrationNumber: 'РН-17/2025',
      registrationDate: '15.01.2025',
      messageText: 'Глубокая яма на проезжей части у дома 5',
      rejectionReason: '-',
      answerText: '-',
      problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
      // No point was given: no coordinates, no link, and the place is the address alone.
      coordinates: '-',
      mapLink: '-',
      place: 'Адрес проблемы: г. Петропавловск-Камчатский, ул. Ленинская, 5',
    });
    // Without `now`, the deadline alone.
    expect(placeholderValues(assigned.context, null, directory).executionTime).toBe(
      'до 23:59 20.01.2025',
    );
  });

  it('uses the zone of the organisation holding the message (Ulyanovsk, UTC+4)', () => {
    const entered = start(operatorSubmit());
    const values = placeholderValues(entered.context, statusOf(entered), directory);
    expect([values.createdDate, values.createdTime]).toEqual(['15.01.2025', '15:18']);
    expect(values.status).toBe('На координации');
  });

  it('prefers the user’s own name, and shows «-» for an unknown user', () => {
    const m = start().context;
    expect(
      placeholderValues(m, null, directory, { user: { id: 'x', name: 'Ким А.' } }).userName,
    ).toBe('Ким А.');
    expect(placeholderValues(m, null, directory, { user: { id: 'nobody' } }).userName).toBe('-');
    expect(placeholderValues(m, null, directory).userName).toBe('-');
  });
});
