import { describe, expect, it } from 'vitest';
import {
  ALL,
  choiceOf,
  ME,
  ownerFilterOptions,
  ownerLabel,
  ownerOptions,
  ownerQuery,
  teamIdOf,
} from '../src/modules/webhooks/owners';

const teams = [
  { id: 'team-a', name: 'Team A' },
  { id: 'team-b', name: 'Team B' },
];

describe('webhook owner picker and filter', () => {
  it('offers me and only my teams, and sends team_id null for me', () => {
    expect(ownerOptions(teams, 'Me')).toEqual([
      { value: ME, label: 'Me' },
      { value: 'team-a', label: 'Team A' },
      { value: 'team-b', label: 'Team B' },
    ]);
    expect(teamIdOf(ME)).toBeNull();
    expect(teamIdOf('team-b')).toBe('team-b');
    expect(choiceOf({ team_id: 'team-a' })).toBe('team-a');
    expect(choiceOf({ team_id: null })).toBe(ME);
    expect(choiceOf(null)).toBe(ME);
  });

  it('filters by all (no query), me or a team', () => {
    expect(ownerFilterOptions(teams, { all: 'All', me: 'Mine' }).map((o) => o.value)).toEqual([
      ALL,
      ME,
      'team-a',
      'team-b',
    ]);
    expect(ownerQuery(ALL)).toEqual({});
    expect(ownerQuery(ME)).toEqual({ owner: 'me' });
    expect(ownerQuery('team-a')).toEqual({ owner: 'team-a' });
  });

  it('labels the owner column with the team, me, or a user', () => {
    const labels = { me: 'Me', user: 'A user' };
    expect(ownerLabel({ owner_id: 'u1', team_id: 't', team_name: 'Team A' }, 'u2', labels)).toBe('Team A');
    expect(ownerLabel({ owner_id: 'u1', team_id: 't', team_name: null }, 'u1', labels)).toBe('t');
    expect(ownerLabel({ owner_id: 'u1', team_id: null, team_name: null }, 'u1', labels)).toBe('Me');
    expect(ownerLabel({ owner_id: 'u1', team_id: null, team_name: null }, 'u2', labels)).toBe('A user');
  });
});
