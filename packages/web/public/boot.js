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
  // A signed-in visit restores its session with the refresh cookie: ask now, while the app's
  // chunks load, instead of after the entry has run. tokens.ts takes this response (once) in
  // place of its own request; the same Web Lock keeps other tabs from rotating the cookie at
  // the same time (each refresh token works once).
  if (signedIn) {
    const refresh = () =>
      fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-refresh-transport': 'cookie' },
        body: '{}',
        credentials: 'same-origin',
      });
    window.__signxRefresh = navigator.locks ? navigator.locks.request('signx-refresh', refresh) : refresh();
    window.__signxRefresh.catch(() => undefined); // the app reports a failed restore itself
  }
  // A signed-in reload of an app page: the shell's frame (brand, the side menu as last shown
  // in this language, header) paints with the first frame, from the labels the app saved
  // (platform/layout/boot-menu.ts), while the app restores the session and loads the page.
  // The element sits in index.html's #app; the app's mount replaces it.
  let menu = null;
  try {
    menu = JSON.parse(read('signx.boot-menu') || 'null');
  } catch {
    menu = null;
  }
  if (signedIn && !otherPublic && menu && menu.lang === locale && Array.isArray(menu.groups)) {
    root.dataset.boot = 'admin';
    const add = (parent, tag, className, text) => {
      const node = document.createElement(tag);
      node.className = className;
      if (text) node.textContent = String(text);
      parent.appendChild(node);
      return node;
    };
    customElements.define(
      'signx-boot-admin',
      class extends HTMLElement {
        connectedCallback() {
          if (this.firstChild) return;
          const sider = add(this, 'div', 'boot-sider');
          add(sider, 'div', 'boot-brand', 'SignX');
          for (const [heading, labels] of menu.groups) {
            add(sider, 'div', 'boot-heading', heading);
            for (const label of Array.isArray(labels) ? labels : []) {
              const entry = add(sider, 'div', 'boot-entry');
              add(entry, 'span', 'boot-icon');
              add(entry, 'span', '', label);
            }
          }
          add(add(this, 'div', 'boot-main'), 'div', 'boot-header');
        }
      },
    );
  }
  // Ant Design's styles written at build time (scripts/antd-static-style-plugin.js): the
  // admin screen then skips generating them. Sign-in alone does not wait for the file.
  const antdStyles = document.querySelector(`meta[name="signx-antd-styles-${root.dataset.theme}"]`)?.content;
  // Loaded without blocking the first paint (media="print" until it has arrived): the frame
  // below needs none of it. main.ts waits for it before mounting the app.
  if (signedIn && antdStyles) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = antdStyles;
    link.media = 'print';
    window.__signxAntdStyles = new Promise((resolve) => {
      link.onload = link.onerror = () => {
        link.media = 'all';
        resolve();
      };
    });
    document.head.appendChild(link);
  }
  // The app's entry (named by scripts/deferred-entry-plugin.js, already fetched through its
  // modulepreload) starts once the first frame is painted: run before it, its evaluation
  // would hold back the paint of the card or frame above. A hidden tab paints no frames, so
  // it starts at once there. Without the name (the dev server) index.html's own tag runs.
  let started = false;
  const startApp = () => {
    const entry = document.querySelector('meta[name="signx-entry"]')?.content;
    if (started || !entry) return;
    started = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.src = entry;
    document.head.appendChild(script);
  };
  const afterFirstFrame = () => {
    if (document.visibilityState === 'hidden') startApp();
    else requestAnimationFrame(() => setTimeout(startApp, 0));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstFrame);
  else afterFirstFrame();
})();
