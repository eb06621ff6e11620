import type { Browser, Page } from 'playwright-core';
import { type Locale, openContext } from './browser';
import type { E2eServer } from './e2e-server';
import { apiCall, apiToken, freshTotp, linkIn, mailTo, signIn } from './flows';

// The set-up the notification page suites share: an administrator, an operator, a template.

export const adminPassword = 'Quiet-Lantern-73!';
export const leaPassword = 'Amber-Harbour-58!';
export const template = 'e2e.contract-signed';

export const pages = [
  { path: '/notifications/inbox', shot: 'notifications-inbox' },
  { path: '/notifications/preferences', shot: 'notifications-preferences' },
  { path: '/notifications/templates', shot: 'notifications-templates' },
  { path: '/notifications/channels' },
  { path: '/notifications/deliveries', shot: 'notifications-log' },
  { path: '/notifications/words' },
];

export async function administrator(server: E2eServer): Promise<string> {
  const first = await apiToken(server.url, 'admin', server.adminPassword);
  await apiCall(server.url, first, 'POST', '/auth/password/change', {
    current_password: server.adminPassword,
    new_password: adminPassword,
  });
  const token = await apiToken(server.url, 'admin', adminPassword);
  const me = await apiCall<{ mfa: { required: boolean; totp_bound: boolean } }>(
    server.url,
    token,
    'GET',
    '/me',
  );
  if (me.mfa.required && !me.mfa.totp_bound) {
    const { secret } = await apiCall<{ secret: string }>(server.url, token, 'POST', '/auth/mfa/bind', {
      password: adminPassword,
    });
    await apiCall(server.url, token, 'POST', '/auth/mfa/bind/confirm', { code: await freshTotp(secret) });
  }
  return token;
}

/** Lea runs notifications: a role of her own (no second factor), her password from the welcome mail. */
export async function createOperator(server: E2eServer, token: string): Promise<string> {
  await apiCall(server.url, token, 'POST', '/roles', {
    code: 'notification_operator',
    name: 'Notification operator',
    data_scope: 'all',
    mfa_required: false,
    permissions: [
      'notifications.message.send',
      'notifications.template.read',
      'notifications.template.manage',
      'notifications.log.read',
      'notifications.log.resend',
      'notifications.channel.read',
      'notifications.channel.manage',
      'notifications.word.manage',
    ],
  });
  const before = server.mail.messages.length;
  const lea = await apiCall<{ id: string }>(server.url, token, 'POST', '/users', {
    username: 'lea',
    full_name: 'Lea Weiss',
    email: 'lea@example.test',
    roles: ['notification_operator'],
  });
  const link = linkIn((await mailTo(server.mail, 'lea@example.test', before)).text);
  const resetToken = new URL(link).hash.replace('#token=', '');
  await apiCall(server.url, '', 'POST', '/auth/password/reset', {
    token: resetToken,
    new_password: leaPassword,
  });
  return lea.id;
}

export const contractTemplate = {
  code: template,
  name: 'Contract signed',
  category: 'contracts',
  inbox_kind: 'task',
  default_locale: 'en',
  variables: [{ name: 'contractName', required: true, sample: 'Supply contract' }],
  variants: [
    {
      channel: 'email',
      locale: 'en',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the seed's template syntax, not a JS template
      subject: 'Signed: ${contractName}',
      body: '<p>{{ contractName }} is signed.</p>',
    },
    {
      channel: 'in_app',
      locale: 'en',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the seed's template syntax, not a JS template
      subject: 'Signed: ${contractName}',
      body: '{{ contractName }} is signed.',
    },
  ],
};

export async function operatorPage(
  browser: Browser,
  server: E2eServer,
  locale: Locale = 'en',
  path = '/notifications/inbox',
) {
  const opened = await openContext(browser, server.url, { locale });
  await signIn(opened.page, server.url, 'lea', leaPassword, path);
  await opened.page.getByTestId('side-menu').waitFor();
  await opened.page.locator('.page-title').waitFor();
  return opened;
}

export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.page-title').waitFor();
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Waits until the bell shows `count` unread (the stream, not a reload, must bring it). */
export async function bellShows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === String(n),
    count,
    { timeout: 15_000 },
  );
}
