import { domainError, platformErrors } from './errors.js';

/**
 * One allowed move of a record's life cycle, as data: in state `from`, `event` leads to
 * `to` and is recorded as `auditAction`. A module's `*.state.ts` lists all of them; any
 * pair not listed is refused (nothing implicit).
 */
export interface Transition<S extends string, E extends string, A extends string> {
  from: S;
  event: E;
  to: S;
  auditAction: A;
}

export interface StateMachine<S extends string, E extends string, A extends string> {
  readonly entity: string;
  readonly states: readonly S[];
  readonly transitions: readonly Transition<S, E, A>[];
  /** The transition `event` makes from `state`; throws 40902 STATE_TRANSITION_NOT_ALLOWED when none. */
  apply(state: S, event: E): Transition<S, E, A>;
  /** Events allowed in `state` (for presenters that show what a client may do next). */
  eventsFrom(state: S): E[];
  can(state: S, event: E): boolean;
}

/**
 * Declares a state machine and checks it once: every state named in a transition must be
 * listed, and no (from, event) pair may appear twice (which move would win is not data).
 */
export function defineStateMachine<
  const S extends string,
  const E extends string,
  const A extends string,
>(spec: {
  entity: string;
  states: readonly S[];
  transitions: readonly Transition<S, E, A>[];
}): StateMachine<S, E, A> {
  const byKey = new Map<string, Transition<S, E, A>>();
  const known = new Set<string>(spec.states);
  for (const t of spec.transitions) {
    if (!known.has(t.from) || !known.has(t.to)) {
      throw new Error(`${spec.entity}: transition ${t.from} -${t.event}-> ${t.to} names an unlisted state`);
    }
    const key = `${t.from}\u0000${t.event}`;
    if (byKey.has(key)) throw new Error(`${spec.entity}: ${t.event} from ${t.from} is declared twice`);
    byKey.set(key, t);
  }
  const eventsFrom = (state: S) => spec.transitions.filter((t) => t.from === state).map((t) => t.event);
  return {
    entity: spec.entity,
    states: spec.states,
    transitions: spec.transitions,
    eventsFrom,
    can: (state, event) => byKey.has(`${state}\u0000${event}`),
    apply(state, event) {
      const transition = byKey.get(`${state}\u0000${event}`);
      if (transition) return transition;
      throw domainError(
        platformErrors.STATE_TRANSITION_NOT_ALLOWED,
        `Cannot ${event.replace(/_/g, ' ')} a ${state} ${spec.entity}`,
        { details: { entity: spec.entity, state, event, allowed: eventsFrom(state) } },
      );
    },
  };
}
