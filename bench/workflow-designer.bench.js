// The workflow designer (issue 17): open a 200-node definition from the list until every
// card is on screen, and save it until the server's answer is drawn again, in Debian's
// Chromium. Each figure sits beside the same action on a 3-node definition in the same run,
// so the ratio shows what the tree's size costs. Needs packages/web/dist (npm run build).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { percentile, writeResult } from './lib/results.js';
import { startServer } from './lib/server.js';
import { benchPassword } from './lib/web-seed-module.js';

const runs = 7;
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
];

/** start, then condition/parallel blocks and approvals up to `size` nodes, then end. */
export function bodyOf(size) {
  const process = [{ id: 'start', type: 'start' }];
  let n = 2;
  const approval = () => ({
    id: `a${n++}`,
    type: 'approval',
    approvers: [{ type: 'initiator' }],
    mode: 'or',
  });
  for (let block = 0; n < size; block += 1) {
    if (size - n >= 5 && block % 2 === 0) {
      const id = `b${block}`;
      n += 1;
      const kind = block % 4 === 0 ? 'condition' : 'parallel';
      process.push({
        id,
        type: kind,
        branches: [
          {
            id: `${id}x`,
            ...(kind === 'condition' ? { when: { subject: 'form.amount', op: 'gt', value: 10 } } : {}),
            nodes: [approval(), approval()],
          },
          { id: `${id}y`, ...(kind === 'condition' ? { default: true } : {}), nodes: [approval()] },
        ],
      });
    } else process.push(approval());
  }
  process.push({ id: 'end', type: 'end' });
  return { form: { fields: [{ key: 'amount', label: 'Amount', type: 'number' }] }, process };
}

async function api(base, token, method, path, body) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json.data;
}

/**
 * In the page: clicks `act`, then answers the milliseconds until `done` is on screen; after
 * 60 s it fails with the page's text (an error toast, say) instead of hanging the run.
 */
function timedUntil({ act, done }) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    document.querySelector(act).click();
    const poll = () => {
      if (document.querySelector(done)) resolve(performance.now() - start);
      else if (performance.now() - start > 60_000)
        reject(
          new Error(`no ${done}: ${document.querySelector('.ant-notification, .ant-message')?.textContent}`),
        );
      else requestAnimationFrame(poll);
    };
    poll();
  });
}

/** Opens the definition from the list (until its last card is drawn), then saves it. */
async function openAndSave(page, base, { id, name, lastNodeId }) {
  await page.goto(`${base}/workflows`);
  await page.getByTestId('workflows-table').waitFor();
  await page.locator('[data-testid="workflows-table"] a', { hasText: name }).first().waitFor();
  const open = await page.evaluate(timedUntil, {
    act: `[data-testid="workflows-table"] a[href$="/${id}"]`,
    done: `[data-testid="node-${lastNodeId}"]`,
  });
  const save = await page.evaluate(timedUntil, {
    act: '[data-testid="designer-save"]',
    done: '.ant-message-success',
  });
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  return { open, save };
}

const server = await startServer({
  env: { MFA_REQUIRED_DEFAULT: 'false' },
  modulesFile: fileURLToPath(new URL('./lib/web-seed-module.js', import.meta.url)),
});
const browser = await chromium.launch({
  executablePath: process.env.SIGNX_CHROMIUM ?? '/usr/bin/chromium',
  args: flags,
});
try {
  const { tokens } = await api(server.url, '', 'POST', '/auth/login', {
    username: 'admin',
    password: benchPassword,
  });
  const token = tokens.access_token;
  const big = bodyOf(200);
  const small = bodyOf(3);
  const bigDef = await api(server.url, token, 'POST', '/workflows', {
    key: 'bench-big',
    name: 'Bench 200 nodes',
    body: big,
  });
  const smallDef = await api(server.url, token, 'POST', '/workflows', {
    key: 'bench-small',
    name: 'Bench 3 nodes',
    body: small,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('username').fill('admin');
  await page.getByTestId('password').fill(benchPassword);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('side-menu').waitFor({ timeout: 30_000 });
  const measured = { big: { open: [], save: [] }, small: { open: [], save: [] } };
  for (let i = 0; i < runs; i += 1) {
    for (const [which, definition] of [
      ['big', bigDef],
      ['small', smallDef],
    ]) {
      const { open, save } = await openAndSave(page, server.url, {
        id: definition.id,
        name: definition.name,
        // the last card before end: the empty tree shown before a load has start and end only
        lastNodeId: definition.body.process.at(-2).id,
      });
      console.log(`run ${i} ${which}: open ${Math.round(open)} ms, save ${Math.round(save)} ms`);
      if (i > 0) {
        measured[which].open.push(open);
        measured[which].save.push(save);
      }
    }
  }
  await context.close();
  const ms = (v) => Math.round(v * 10) / 10;
  const median = (list) => percentile(list, 50);
  const cases = ['open', 'save'].map((step) => ({
    name: `designer ${step === 'open' ? 'opens (list link → every card drawn)' : 'saves (click → answer drawn)'} a 200-node definition`,
    value: ms(median(measured.big[step])),
    unit: 'ms',
    target: { op: '<=', value: 300 },
    baseline: { name: 'the same with a 3-node definition', value: ms(median(measured.small[step])) },
    ratio: median(measured.big[step]) / median(measured.small[step]),
  }));
  writeResult('workflow-designer', cases, {
    browser: browser.version(),
    runs_per_figure: runs - 1,
    nodes: 200,
  });
} finally {
  await browser.close();
  await server.close();
}
