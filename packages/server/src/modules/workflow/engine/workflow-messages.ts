import { notifications, provideTemplates, type TemplateDraft } from '../../notifications/index.js';
import { offerImCards } from '../im-cards/im-card.jobs.js';
import type { InstanceStatus } from '../workflow.tables.js';
import type { EngineRun } from './engine-run.js';

/**
 * The approval engine's messages go through the notification center's send, in the
 * command's transaction (a rolled-back decision tells nobody), to the in-app inbox
 * (kind approval), in every language the product speaks.
 */
const locales = ['en', 'zh-CN', 'he'] as const;
type Localized = Record<(typeof locales)[number], string>;

const inApp = (subject: Localized, body: Localized): TemplateDraft['variants'] =>
  locales.map((locale) => ({
    channel: 'in_app' as const,
    locale,
    subject: subject[locale],
    body: body[locale],
    link: '/approvals/{{ instanceId }}',
  }));

const common = {
  category: 'approval',
  inbox_kind: 'approval' as const,
  is_transactional: true,
  is_sensitive: false,
  default_locale: 'en' as const,
};
const variables = [
  { name: 'title', sample: 'Purchase 2026-0042' },
  { name: 'instanceId', description: 'Opens the approval', sample: '019a0000-0000-7000-8000-000000000001' },
];

const templates: (TemplateDraft & { code: string })[] = [
  {
    code: 'workflow.task-assigned',
    name: 'Approval task for you',
    ...common,
    variables: [...variables, { name: 'nodeName', sample: 'Finance review' }],
    variants: inApp(
      { en: 'To approve: {{ title }}', 'zh-CN': '待审批：{{ title }}', he: 'לאישורך: {{ title }}' },
      {
        en: '"{{ title }}" waits for you at {{ nodeName }}.',
        'zh-CN': '「{{ title }}」在{{ nodeName }}等待您处理。',
        he: '"{{ title }}" ממתין לך בשלב {{ nodeName }}.',
      },
    ),
  },
  {
    code: 'workflow.finished',
    name: 'Your approval has an outcome',
    ...common,
    variables: [...variables, { name: 'outcome', sample: 'approved' }],
    variants: inApp(
      {
        en: 'Approval {{ outcome }}: {{ title }}',
        'zh-CN': '审批{{ outcome }}：{{ title }}',
        he: 'אישור {{ outcome }}: {{ title }}',
      },
      {
        en: '"{{ title }}" is {{ outcome }}.',
        'zh-CN': '「{{ title }}」已{{ outcome }}。',
        he: '"{{ title }}" {{ outcome }}.',
      },
    ),
  },
  {
    code: 'workflow.urged',
    name: 'Reminder: an approval waits for you',
    ...common,
    variables,
    variants: inApp(
      { en: 'Reminder: {{ title }}', 'zh-CN': '催办：{{ title }}', he: 'תזכורת: {{ title }}' },
      {
        en: 'The initiator asks you to decide on "{{ title }}".',
        'zh-CN': '发起人催您处理「{{ title }}」。',
        he: 'היוזם מבקש שתחליט על "{{ title }}".',
      },
    ),
  },
  {
    code: 'workflow.commented',
    name: 'A comment on an approval you take part in',
    ...common,
    variables: [...variables, { name: 'comment', sample: 'See the attached quote.' }],
    variants: inApp(
      { en: 'New comment: {{ title }}', 'zh-CN': '新评论：{{ title }}', he: 'הערה חדשה: {{ title }}' },
      {
        en: 'On "{{ title }}": {{ comment }}',
        'zh-CN': '「{{ title }}」：{{ comment }}',
        he: 'על "{{ title }}": {{ comment }}',
      },
    ),
  },
];
provideTemplates('workflow', templates);

async function send(run: EngineRun, template: string, userIds: string[], params: Record<string, unknown>) {
  if (userIds.length === 0) return;
  await notifications.send(run.trx, run.deps.ctx, run.actor, {
    template,
    channels: ['in_app'],
    recipients: userIds.map((id) => ({ type: 'user' as const, id })),
    params: { title: run.instance.title, instanceId: run.instance.id, ...params },
  });
}

/** Tells each person who got a task or a copy in this step, once. */
export async function notifyAssigned(run: EngineRun): Promise<void> {
  for (const [userId, what] of run.assigned) {
    await send(run, 'workflow.task-assigned', [userId], { nodeName: what.nodeName });
    await offerImCards(run, userId, what);
  }
}

export function tellApplicant(run: EngineRun, outcome: Exclude<InstanceStatus, 'running'>): Promise<void> {
  return send(run, 'workflow.finished', [run.instance.applicant_id], { outcome });
}

export function urgeApprovers(run: EngineRun, userIds: string[]): Promise<void> {
  return send(run, 'workflow.urged', userIds, {});
}

/** Tells the other participants (initiator, task holders past and present, CC recipients) of a comment. */
export function tellParticipants(run: EngineRun, userIds: string[], comment: string): Promise<void> {
  return send(run, 'workflow.commented', userIds, { comment });
}
