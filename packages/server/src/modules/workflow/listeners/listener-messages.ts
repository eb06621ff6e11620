import { provideTemplates } from '../../notifications/index.js';

/** The `notify` listener action's message, in every language the product speaks. */
const events = {
  en: '{{ title }}: {{ event }} {{ node }}',
  'zh-CN': '{{ title }}：{{ event }} {{ node }}',
  he: '{{ title }}: {{ event }} {{ node }}',
};
provideTemplates('workflow', [
  {
    code: 'workflow.event',
    name: 'Approval event (listener)',
    category: 'approval',
    inbox_kind: 'approval',
    is_transactional: true,
    is_sensitive: false,
    default_locale: 'en',
    variables: [
      { name: 'title', sample: 'Purchase 2026-0042' },
      {
        name: 'instanceId',
        description: 'Opens the approval',
        sample: '019a0000-0000-7000-8000-000000000001',
      },
      { name: 'event', sample: 'approved' },
      { name: 'node', sample: 'legal' },
    ],
    variants: (['en', 'zh-CN', 'he'] as const).map((locale) => ({
      channel: 'in_app' as const,
      locale,
      subject: {
        en: 'Approval update: {{ title }}',
        'zh-CN': '审批动态：{{ title }}',
        he: 'עדכון אישור: {{ title }}',
      }[locale],
      body: events[locale],
      link: '/approvals/{{ instanceId }}',
    })),
  },
]);
