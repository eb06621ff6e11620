import { ref, watch } from 'vue';

export type ThemeMode = 'light' | 'dark';
const storageKey = 'signx.theme';

function initialTheme(): ThemeMode {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark, remembered per browser; the OS preference decides until the user chooses. */
export const themeMode = ref<ThemeMode>(initialTheme());

watch(
  themeMode,
  (mode) => {
    document.documentElement.dataset.theme = mode;
    document.documentElement.style.colorScheme = mode;
  },
  { immediate: true },
);

export function setTheme(mode: ThemeMode): void {
  themeMode.value = mode;
  localStorage.setItem(storageKey, mode);
}
