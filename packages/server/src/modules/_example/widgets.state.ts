import { defineStateMachine } from '../../platform/state-machine.js';
import type { WidgetTransitionAction } from './example.catalogue.js';

/**
 * A widget's life cycle as data. Draft widgets are edited by their owner and submitted;
 * a reviewer approves or rejects a submitted one; the owner may withdraw it back to draft,
 * or resubmit a rejected one. Anything not listed (approving a draft, rejecting twice) is
 * refused with 40902 STATE_TRANSITION_NOT_ALLOWED.
 */
export const widgetStates = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type WidgetState = (typeof widgetStates)[number];

export const widgetEvents = ['submit', 'withdraw', 'approve', 'reject'] as const;
export type WidgetEvent = (typeof widgetEvents)[number];

export const widgetLifecycle = defineStateMachine<WidgetState, WidgetEvent, WidgetTransitionAction>({
  entity: 'widget',
  states: widgetStates,
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', auditAction: 'example.widget.submitted' },
    { from: 'rejected', event: 'submit', to: 'submitted', auditAction: 'example.widget.submitted' },
    { from: 'submitted', event: 'withdraw', to: 'draft', auditAction: 'example.widget.withdrawn' },
    { from: 'submitted', event: 'approve', to: 'approved', auditAction: 'example.widget.approved' },
    { from: 'submitted', event: 'reject', to: 'rejected', auditAction: 'example.widget.rejected' },
  ],
});
