import type { Router } from 'vue-router';
import { instancesApi } from './instances.api';

/**
 * While this login session hosts an in-person signing (the server says so), every admin
 * page leads to the unlock page: the device stays with the signer's flow until the host
 * re-authenticates. Asked once per page load and after an unlock.
 */
export const UNLOCK_PATH = '/signing/in-person/unlock';
let cached: Promise<boolean> | null = null;

export function clearLockCache(): void {
  cached = null;
}

async function isLocked(): Promise<boolean> {
  cached ??= instancesApi
    .lock()
    .then((l) => l.locked)
    .catch(() => false);
  return cached;
}

/** Installs the guard once (from the shell's header tool, present on every admin page). */
export function guardWhileLocked(router: Router): () => void {
  const check = async (path: string) => (path !== UNLOCK_PATH && (await isLocked()) ? UNLOCK_PATH : true);
  void check(router.currentRoute.value.path).then((to) => {
    if (to !== true) void router.replace(to);
  });
  return router.beforeEach((to) => check(to.path));
}
