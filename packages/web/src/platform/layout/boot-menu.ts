/**
 * The side menu as the user last saw it (headings and labels only, in the language they
 * were shown in), kept so public/boot.js can draw the shell's frame on a signed-in reload
 * before any of the app's JavaScript has run (docs/web.md, Speed). It holds nothing the
 * server would not show this user again; it is dropped on sign-out and on every sign-in, so
 * the next person at the browser never sees it.
 */
const key = 'signx.boot-menu';

export interface BootMenu {
  lang: string;
  groups: [heading: string, labels: string[]][];
}

export function saveBootMenu(menu: BootMenu): void {
  try {
    localStorage.setItem(key, JSON.stringify(menu));
  } catch {
    // storage full or disabled: the next reload just paints later
  }
}

export function clearBootMenu(): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}
