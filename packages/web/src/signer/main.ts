import { type Component, createApp } from 'vue';
import { preferredLocale, setLocale } from './i18n';
import './signer.css';

/**
 * The lean entry for people who are not users of the admin app: the signing page
 * (/sign/<token>, in kiosk mode for in-person signing), a template's direct link (/direct/<token>)
 * and public verification (/verify[/<number>]). Vue and a small translator
 * only: no admin shell, router, store or Ant Design, so a phone on a slow network gets the
 * page quickly (budget: 150 KB gzip of JavaScript before pdf.js, bench/web.bench.js).
 */
const path = location.pathname.replace(/\/+$/, '');
const sign = /^\/sign\/([^/]+)$/.exec(path);
const verify = /^\/verify(?:\/([^/]+))?$/.exec(path);
const direct = /^\/direct\/([^/]+)$/.exec(path);
// In-person kiosk: the session and its secret come in the fragment (never sent to a server);
// they are taken off the address at once so the signer cannot copy them.
// Kept for this tab (sessionStorage), so a reload stays in kiosk mode.
const kioskKey = `signx-kiosk:${path}`;
const kiosk =
  /^#kiosk=([^.]+)\.(.+)$/.exec(location.hash) ??
  /^([^.]+)\.(.+)$/.exec(sessionStorage.getItem(kioskKey) ?? '');
if (kiosk) {
  sessionStorage.setItem(kioskKey, `${kiosk[1]}.${kiosk[2]}`);
  history.replaceState(null, '', location.pathname);
}

async function start() {
  await setLocale(preferredLocale(), false);
  let root: Component;
  let props: Record<string, string>;
  if (sign) {
    root = (await import('./SignerApp.vue')).default;
    props = { token: decodeURIComponent(sign[1]!), ...(kiosk ? { kiosk: `${kiosk[1]}.${kiosk[2]}` } : {}) };
  } else if (direct) {
    root = (await import('./DirectApp.vue')).default;
    props = { token: decodeURIComponent(direct[1]!) };
  } else {
    root = (await import('./VerifyApp.vue')).default;
    props = { number: verify?.[1] ? decodeURIComponent(verify[1]) : '' };
  }
  createApp(root, props).mount('#signer');
}

void start();
