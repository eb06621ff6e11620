import { type Component, createApp } from 'vue';
import { preferredLocale, setLocale } from './i18n';
import './signer.css';

/**
 * The lean entry for people who are not users of the admin app: the signing page
 * (/sign/<token>) and public verification (/verify[/<number>]). Vue and a small translator
 * only: no admin shell, router, store or Ant Design, so a phone on a slow network gets the
 * page quickly (budget: 150 KB gzip of JavaScript before pdf.js, bench/web.bench.js).
 */
const path = location.pathname.replace(/\/+$/, '');
const sign = /^\/sign\/([^/]+)$/.exec(path);
const verify = /^\/verify(?:\/([^/]+))?$/.exec(path);

async function start() {
  await setLocale(preferredLocale(), false);
  let root: Component;
  let props: Record<string, string>;
  if (sign) {
    root = (await import('./SignerApp.vue')).default;
    props = { token: decodeURIComponent(sign[1]!) };
  } else {
    root = (await import('./VerifyApp.vue')).default;
    props = { number: verify?.[1] ? decodeURIComponent(verify[1]) : '' };
  }
  createApp(root, props).mount('#signer');
}

void start();
