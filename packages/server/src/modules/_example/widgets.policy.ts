import { type Actor, hasPermission } from '../../platform/actor.js';
import { type DomainErrorCode, domainError, forbidden } from '../../platform/errors.js';
import { can } from './example.catalogue.js';
import { exampleErrors } from './example.errors.js';
import type { ExampleWidgetsTable } from './example.tables.js';
import type { WidgetEvent } from './widgets.state.js';

/**
 * Who may do what with widgets: authorization rules only, pure, deny by default. Every
 * function answers from the actor and the row alone, so the presenter can show a client
 * what it may do next without a second set of rules.
 */
export type WidgetAction = 'create' | WidgetEvent;

/** Why an action is refused; null when it is allowed. */
export type Denial = { code: DomainErrorCode | null; message: string } | null;

const deny = (message: string, code: DomainErrorCode | null = null): Denial => ({ code, message });

/** Which widgets the actor sees: reviewers all, readers their own, anyone else none. */
export function visibleScope(actor: Actor): { all: true } | { ownerId: string } | null {
  if (hasPermission(actor, can['example.widget.review'])) return { all: true };
  if (hasPermission(actor, can['example.widget.read']) && actor.userId) return { ownerId: actor.userId };
  return null;
}

export function canSee(actor: Actor, widget: Pick<ExampleWidgetsTable, 'owner_id'>): boolean {
  const scope = visibleScope(actor);
  return scope !== null && ('all' in scope || scope.ownerId === widget.owner_id);
}

export function denial(
  actor: Actor,
  action: WidgetAction,
  widget?: Pick<ExampleWidgetsTable, 'owner_id'>,
): Denial {
  const isOwner = widget !== undefined && actor.userId !== null && actor.userId === widget.owner_id;
  switch (action) {
    case 'create':
      if (!actor.userId) return deny('Only a user can own widgets');
      return hasPermission(actor, can['example.widget.create']) ? null : deny('You may not create widgets');
    case 'submit':
    case 'withdraw':
      if (!isOwner) return deny('Only the owner can submit or withdraw a widget');
      return hasPermission(actor, can['example.widget.create']) ? null : deny('You may not submit widgets');
    case 'approve':
    case 'reject':
      if (!hasPermission(actor, can['example.widget.review'])) return deny('You may not review widgets');
      if (isOwner) return deny('You cannot review your own widget', exampleErrors.WIDGET_SELF_REVIEW);
      return null;
    default:
      return deny('Unknown action');
  }
}

/** Throws the denial as a 403 (with its domain code when it has one). */
export function authorize(
  actor: Actor,
  action: WidgetAction,
  widget?: Pick<ExampleWidgetsTable, 'owner_id'>,
): void {
  const refused = denial(actor, action, widget);
  if (!refused) return;
  throw refused.code ? domainError(refused.code, refused.message) : forbidden(refused.message);
}

/** Authorizes creating a widget and returns its owner (the acting user). */
export function authorizeCreate(actor: Actor): string {
  authorize(actor, 'create');
  if (!actor.userId) throw forbidden('Only a user can own widgets');
  return actor.userId;
}
