import { describe, expect, it } from 'vitest';
import { isDomainError, platformErrors } from './errors.js';
import { defineStateMachine } from './state-machine.js';

const door = defineStateMachine({
  entity: 'door',
  states: ['open', 'closed', 'locked'],
  transitions: [
    { from: 'open', event: 'close', to: 'closed', auditAction: 'house.door.closed' },
    { from: 'closed', event: 'open', to: 'open', auditAction: 'house.door.opened' },
    { from: 'closed', event: 'lock', to: 'locked', auditAction: 'house.door.locked' },
    { from: 'locked', event: 'unlock', to: 'closed', auditAction: 'house.door.unlocked' },
  ],
});

describe('state machine helper', () => {
  it('applies listed transitions and lists what each state allows', () => {
    expect(door.apply('closed', 'lock')).toEqual({
      from: 'closed',
      event: 'lock',
      to: 'locked',
      auditAction: 'house.door.locked',
    });
    expect(door.eventsFrom('closed')).toEqual(['open', 'lock']);
    expect(door.can('open', 'lock')).toBe(false);
  });

  it('refuses anything not listed with 40902 and says what is allowed', () => {
    let refused: unknown;
    try {
      door.apply('open', 'lock');
    } catch (error) {
      refused = error;
    }
    expect(isDomainError(refused, platformErrors.STATE_TRANSITION_NOT_ALLOWED)).toBe(true);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      apiCode: 40902,
      message: 'Cannot lock a open door',
      details: { entity: 'door', state: 'open', event: 'lock', allowed: ['close'] },
    });
  });

  it('refuses a definition with an unlisted state or a duplicate move', () => {
    expect(() =>
      defineStateMachine({
        entity: 'x',
        states: ['a'],
        transitions: [{ from: 'a', event: 'go', to: 'b' as 'a', auditAction: 'm.x.gone' }],
      }),
    ).toThrow(/unlisted state/);
    expect(() =>
      defineStateMachine({
        entity: 'x',
        states: ['a', 'b'],
        transitions: [
          { from: 'a', event: 'go', to: 'b', auditAction: 'm.x.gone' },
          { from: 'a', event: 'go', to: 'a', auditAction: 'm.x.stayed' },
        ],
      }),
    ).toThrow(/declared twice/);
  });
});
