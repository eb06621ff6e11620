import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.js';
import { benchPassword } from './lib/web-seed-module.js';
const server = await startServer({ env: { MFA_REQUIRED_DEFAULT: 'false' }, modulesFile: fileURLToPath(new URL('./lib/web-seed-module.js', import.meta.url)) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
async function probe(context, url, ready) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript((selector) => {
    window.__lcps = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcps.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + '.' + e.element.className + ' ' + (e.element.textContent||'').slice(0,40) : e.url }); }).observe({ type: 'largest-contentful-paint', buffered: true });
    const poll = () => { if (document.querySelector(selector)) window.__ready = performance.now(); else requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
  }, ready);
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 120000 });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => ({ lcps: window.__lcps, ready: Math.round(window.__ready), fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    res: performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin,'').slice(0,50), Math.round(e.startTime), Math.round(e.responseEnd)]),
    nav: (({responseEnd, domInteractive, domContentLoadedEventEnd}) => ({responseEnd, domInteractive, domContentLoadedEventEnd}))(performance.getEntriesByType('navigation')[0]) }));
  await page.close();
  return r;
}
const which = process.argv[2] ?? 'both';
const n = Number(process.argv[3] ?? 2);
for (let i = 0; i < n; i++) {
  if (which !== 'users') { const c = await browser.newContext({ viewport: { width: 1280, height: 800 } }); console.log('LOGIN', JSON.stringify(await probe(c, `${server.url}/login`, '[data-testid="sign-in"]'), null, 0)); await c.close(); }
  if (which !== 'login') {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await c.newPage(); await p.goto(`${server.url}/login`); await p.getByTestId('username').fill('admin'); await p.getByTestId('password').fill(benchPassword); await p.getByTestId('sign-in').click(); await p.getByTestId('side-menu').waitFor(); await p.close();
    console.log('USERS', JSON.stringify(await probe(c, `${server.url}/system/users`, '[data-testid="users-table"] tr.ant-table-row'), null, 0)); await c.close();
  }
}
await browser.close(); await server.close();
