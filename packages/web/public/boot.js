// Runs before the body is parsed (a plain external script: the CSP allows no inline ones).
// It settles language, direction and theme so the first paint is already right, and shows
// the static sign-in shell of index.html to visitors who will land on sign-in while the app loads.
// The rules mirror preferredLocale() (i18n.ts) and initialTheme() (preferences.ts).
(() => {
  const root = document.documentElement;
  const read = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  let locale = read('signx.locale');
  if (locale !== 'zh-CN' && locale !== 'en' && locale !== 'he') {
    locale = 'en';
    for (const language of navigator.languages || [navigator.language]) {
      const tag = String(language).toLowerCase();
      if (tag.startsWith('zh')) locale = 'zh-CN';
      else if (tag.startsWith('he') || tag.startsWith('iw')) locale = 'he';
      else if (!tag.startsWith('en')) continue;
      break;
    }
  }
  root.lang = locale;
  root.dir = locale === 'he' ? 'rtl' : 'ltr';
  const saved = read('signx.theme');
  const dark = saved
    ? saved === 'dark'
    : Boolean(window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
  // Without the signed-in hint the router sends every page to sign-in except sign-in's
  // sibling pages (auth/routes.ts), so the sign-in card is what such a visit will show.
  const path = location.pathname.replace(/\/+$/, '');
  const otherPublic = /^\/(forgot-password|reset-password|first-login)(\/|$)/.test(path);
  const signedIn = Boolean(read('signx.signed-in'));
  if (!otherPublic && !signedIn) root.dataset.boot = 'login';
  // Ant Design's styles written at build time (scripts/antd-static-style-plugin.js): the
  // admin screen then skips generating them. Sign-in alone does not wait for the file.
  const antdStyles = document.querySelector(`meta[name="signx-antd-styles-${root.dataset.theme}"]`)?.content;
  if (signedIn && antdStyles) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = antdStyles;
    document.head.appendChild(link);
  }
})();
