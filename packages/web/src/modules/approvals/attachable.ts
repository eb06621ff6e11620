import type { ActionName } from './approvals.api';

/**
 * Whether an action's dialog offers "Attach files": every action that takes a comment does
 * (the server checks each document is one the actor may read, 40355); urge takes neither,
 * and resubmit is sent without a dialog (its route takes attachments all the same).
 */
export function takesAttachments(action: ActionName): boolean {
  return action !== 'urge' && action !== 'resubmit';
}
