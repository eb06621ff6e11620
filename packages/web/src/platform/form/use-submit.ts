import { ref } from 'vue';

/** Runs a submit handler once at a time, exposing `busy` for the button's loading state. */
export function useSubmit<A extends unknown[]>(handler: (...args: A) => Promise<void>) {
  const busy = ref(false);
  async function run(...args: A): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      await handler(...args);
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
