import { provideTemplates, type TemplateDraft } from '../../notifications/index.js';

/**
 * The mails identity sends, as notification templates (created on first use, then editable
 * and translatable by administrators like any other). All are transactional (no
 * unsubscribe, no quiet hours: the user is waiting for them) and sensitive (links and
 * codes are sealed in the send log and erased once delivered).
 */
const security = {
  category: 'security',
  is_transactional: true,
  is_sensitive: true,
  default_locale: 'en' as const,
};
const html = (lines: string) => `<p>${lines.split('\n').join('<br>')}</p>`;

const passwordText = [
  '{% if reason == "welcome" %}An account was created for you on SignX.{% else %}A password reset was requested for your SignX account.{% endif %}',
  'Username: {{ username }}',
  'Set your password within {{ minutes }} minutes: {{ link }}',
  'If you did not expect this, tell your administrator.',
].join('\n');
const passwordTextZh = [
  '{% if reason == "welcome" %}已为您创建 SignX 账号。{% else %}有人为您的 SignX 账号申请了重置密码。{% endif %}',
  '用户名：{{ username }}',
  '请在 {{ minutes }} 分钟内设置密码：{{ link }}',
  '如非本人操作，请告知管理员。',
].join('\n');
const codeText =
  'Your SignX verification code is {{ code }}. It expires in {{ minutes }} minutes.\nIf you did not try to sign in, tell your administrator.';
const codeTextZh = '您的 SignX 验证码为 {{ code }}，{{ minutes }} 分钟内有效。\n如非本人登录，请告知管理员。';
const noticeText =
  '{{ summary }}\nUsername: {{ username }}{% if newEmail %}\nNew address: {{ newEmail }}{% endif %}\nIf you did not expect this, tell your administrator at once.';
const noticeTextZh =
  '{{ summary }}\n用户名：{{ username }}{% if newEmail %}\n新邮箱：{{ newEmail }}{% endif %}\n如非本人操作，请立即告知管理员。';

const email = (locale: 'en' | 'zh-CN', subject: string, text: string) => ({
  channel: 'email' as const,
  locale,
  subject,
  body: html(text),
  text,
});

const identityTemplates: (TemplateDraft & { code: string })[] = [
  {
    code: 'identity.password-link',
    name: 'Password link (new account, forgotten or reset password)',
    ...security,
    variables: [
      { name: 'reason', description: 'welcome, forgot or admin_reset', sample: 'forgot' },
      { name: 'username', sample: 'alice' },
      { name: 'minutes', sample: 60 },
      {
        name: 'link',
        description: 'The single-use link',
        sample: 'https://sign.example.com/reset-password#token=…',
      },
    ],
    variants: [
      email(
        'en',
        '{% if reason == "welcome" %}Set your SignX password{% else %}Reset your SignX password{% endif %}',
        passwordText,
      ),
      email(
        'zh-CN',
        '{% if reason == "welcome" %}设置您的 SignX 密码{% else %}重置您的 SignX 密码{% endif %}',
        passwordTextZh,
      ),
    ],
  },
  {
    code: 'identity.email-code',
    name: 'Verification code by email',
    ...security,
    variables: [
      { name: 'code', sample: '123456' },
      { name: 'minutes', sample: 10 },
    ],
    variants: [
      email('en', 'Your SignX verification code', codeText),
      email('zh-CN', 'SignX 验证码', codeTextZh),
    ],
  },
  {
    code: 'identity.account-notice',
    name: 'Security notice: the account changed',
    ...security,
    is_sensitive: false,
    variables: [
      {
        name: 'summary',
        description: 'What changed, by whom, when',
        sample: 'The password of your SignX account was changed',
      },
      { name: 'username', sample: 'alice' },
      { name: 'newEmail', required: false, sample: null },
    ],
    variants: [
      email('en', 'Security notice: your SignX account changed', noticeText),
      email('zh-CN', '安全提醒：您的 SignX 账号有变更', noticeTextZh),
    ],
  },
];

provideTemplates('identity', identityTemplates);
