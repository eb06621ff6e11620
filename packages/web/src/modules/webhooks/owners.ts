/**
 * Owners of endpoints and callback credentials (server: webhooks.policy.ts): "me" or one of
 * my teams (departments). The picker offers exactly those; the list filter adds "all".
 */
export const ME = 'me';
export const ALL = 'all';

export interface TeamChoice {
  id: string;
  name: string;
}

/** The picker's choices: me first, then my teams by name. */
export function ownerOptions(teams: readonly TeamChoice[], meLabel: string) {
  return [{ value: ME, label: meLabel }, ...teams.map((team) => ({ value: team.id, label: team.name }))];
}

/** The filter's choices: all, me, my teams. */
export function ownerFilterOptions(teams: readonly TeamChoice[], labels: { all: string; me: string }) {
  return [{ value: ALL, label: labels.all }, ...ownerOptions(teams, labels.me)];
}

/** The `team_id` a picker choice sends (null: owned by me). */
export function teamIdOf(choice: string): string | null {
  return choice === ME ? null : choice;
}

/** The picker's choice for an existing row. */
export function choiceOf(row: { team_id: string | null } | null): string {
  return row?.team_id ?? ME;
}

/** The list's `owner` query for a filter choice (undefined: no filter). */
export function ownerQuery(choice: string): { owner?: string } {
  return choice === ALL ? {} : { owner: choice };
}

/** What the owner column shows: the team's name, else the person (me, or a user for the admin). */
export function ownerLabel(
  row: { owner_id: string; team_id: string | null; team_name: string | null },
  me: string | null,
  labels: { me: string; user: string },
): string {
  if (row.team_id) return row.team_name ?? row.team_id;
  return row.owner_id === me ? labels.me : labels.user;
}
