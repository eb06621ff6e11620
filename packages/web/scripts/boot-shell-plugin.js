import { readFileSync } from 'node:fs';

const locales = ['en', 'zh-CN', 'he'];

/**
 * Writes the static sign-in shell into index.html: the sign-in card, in each language, built
 * from the locale files so its words are the app's own. public/boot.js shows the one of the
 * visitor's language on /login; it paints with the first frame, before any JavaScript of the
 * app has run, and the app replaces it once the real page is ready (main.ts mounts after the
 * first route has loaded, so nothing blank shows in between).
 */
export function bootShell(localesDir) {
  return {
    name: 'signx-boot-shell',
    transformIndexHtml(html) {
      const cards = locales.map((locale) => card(locale, readMessages(localesDir, locale))).join('');
      // The signed-in frame (filled by boot.js from the saved menu) follows the sign-in cards.
      const frame = '<signx-boot-admin aria-hidden="true"></signx-boot-admin>';
      return html.replace('<div id="app"></div>', `<div id="app">${cards}${frame}</div>`);
    },
  };
}

function readMessages(dir, locale) {
  return JSON.parse(readFileSync(new URL(`${locale}.json`, dir), 'utf8'));
}

function card(locale, { auth }) {
  const text = (s) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const field = (label) =>
    `<div class="boot-field"><div class="boot-label">${text(label)}</div><div class="boot-input"></div></div>`;
  return (
    `<div class="boot-shell" data-locale="${locale}" aria-hidden="true">` +
    '<div class="boot-tools"></div><div class="boot-card">' +
    `<div class="boot-brand">SignX</div><div class="boot-title">${text(auth.title)}</div>` +
    field(auth.username) +
    field(auth.password) +
    `<div class="boot-button">${text(auth.submit)}</div>` +
    `<p class="boot-links"><span>${text(auth.forgot)}</span></p>` +
    '</div></div>'
  );
}
