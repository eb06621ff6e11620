import type { Directive } from 'vue';
import { useSessionStore } from '../auth/session.store';

/**
 * `v-access="'identity.user.create'"` (or an array: any one) removes the element when the
 * signed-in user lacks the permission. It only tidies the screen: the API refuses the
 * action anyway, so a hidden button is never the only guard.
 */
export const vAccess: Directive<HTMLElement, string | readonly string[]> = {
  mounted(element, binding) {
    if (!useSessionStore().can(binding.value)) element.remove();
  },
};
