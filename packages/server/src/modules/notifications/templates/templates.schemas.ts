import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';

/** Request and response schemas of the template routes. */
export const channel = Type.Union(
  [
    Type.Literal('email'),
    Type.Literal('sms'),
    Type.Literal('in_app'),
    Type.Literal('dingtalk'),
    Type.Literal('feishu'),
    Type.Literal('wecom'),
    Type.Literal('webhook'),
  ],
  { description: 'Channel' },
);
export const inboxKind = Type.Union(
  [Type.Literal('system'), Type.Literal('approval'), Type.Literal('task'), Type.Literal('alert')],
  { description: 'In-app message kind' },
);
export const locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Literal('he')], {
  description: 'Locale',
});
const source = (description: string, maxLength = 100_000) => Type.String({ maxLength, description });

export const variantSchema = Type.Object(
  {
    channel,
    locale,
    subject: Type.Optional(source('Subject / title (Liquid; `${name}` works too)', 1000)),
    body: source('Body (Liquid): HTML for email, markdown for in-app, per `format` for robots'),
    text: Type.Optional(source('Email plain-text part (derived from the HTML when absent)')),
    format: Type.Optional(
      Type.Union(
        [Type.Literal('text'), Type.Literal('markdown'), Type.Literal('card'), Type.Literal('html')],
        {
          description: 'Robots: text, markdown or card',
        },
      ),
    ),
    link: Type.Optional(source('Card button / open link (Liquid)', 2000)),
    sms: Type.Optional(
      Type.Object(
        {
          aliyun: Type.Optional(
            Type.Object({
              template_code: Type.String({ maxLength: 100, description: 'Aliyun TemplateCode (SMS_…)' }),
              params: Type.Record(Type.String(), Type.String({ maxLength: 500 }), {
                description: 'Provider parameter → Liquid',
              }),
            }),
          ),
          tencent: Type.Optional(
            Type.Object({
              template_id: Type.String({ maxLength: 100, description: 'Tencent TemplateId' }),
              params: Type.Array(Type.String({ maxLength: 500 }), {
                maxItems: 20,
                description: 'Ordered parameters (Liquid)',
              }),
            }),
          ),
        },
        { description: 'Registered provider templates (Aliyun and Tencent send only those)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const variableSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 64, description: 'Variable name' }),
    description: Type.Optional(Type.String({ maxLength: 500, description: 'What it holds' })),
    required: Type.Optional(Type.Boolean({ description: 'Sending without it fails (default true)' })),
    sample: Type.Optional(Type.Unknown({ description: 'Value used by previews' })),
  },
  { additionalProperties: false },
);

const settings = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Display name' }),
  description: Type.Optional(
    Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Notes' }),
  ),
  category: Type.String({
    pattern: '^[a-z][a-z0-9_.-]{0,49}$',
    description: 'Category (preferences and unsubscribes go by it)',
  }),
  inbox_kind: Type.Optional(inboxKind),
  is_transactional: Type.Optional(
    Type.Boolean({ description: 'Always sent: no unsubscribe, preferences or quiet hours' }),
  ),
  is_sensitive: Type.Optional(
    Type.Boolean({ description: 'Content sealed, erased after delivery, never shown or resent' }),
  ),
  default_locale: Type.Optional(locale),
  frequency_limit: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()], {
      description: 'Per recipient and window',
    }),
  ),
  frequency_window_seconds: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: 604_800 }), Type.Null()], {
      description: 'Window of the frequency limit',
    }),
  ),
  variables: Type.Array(variableSchema, { maxItems: 100, description: 'Declared variables' }),
  variants: Type.Array(variantSchema, { minItems: 1, maxItems: 50, description: 'Channel × locale content' }),
  note: Type.Optional(
    Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Note for this version' }),
  ),
};

export const newTemplate = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_.-]{1,99}$', description: 'Unique code modules send by' }),
    ...settings,
  },
  { additionalProperties: false },
);
export const templateUpdate = Type.Object(
  {
    ...settings,
    base_version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version the editor loaded' })),
  },
  { additionalProperties: false },
);
export const codeParams = Type.Object({
  code: Type.String({ maxLength: 100, description: 'Template code' }),
});
export const templateListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'code', 'name'] as const, 'created_at'),
  Type.Object({
    category: Type.Optional(Type.String({ maxLength: 50 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Code or name contains' })),
  }),
]);
export const versionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
export const diffQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Integer({ minimum: 1 }),
});
export const rollbackBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const statusBody = Type.Object(
  { status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]) },
  { additionalProperties: false },
);
export const previewBody = Type.Object(
  {
    channel,
    locale,
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Values over the samples' }),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const draftPreviewBody = Type.Object(
  {
    variables: settings.variables,
    variants: settings.variants,
    channel,
    locale,
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

const time = Type.String({ format: 'date-time' });
export const templateView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  inbox_kind: Type.String(),
  is_transactional: Type.Boolean(),
  is_sensitive: Type.Boolean(),
  default_locale: Type.String(),
  frequency_limit: Type.Union([Type.Integer(), Type.Null()]),
  frequency_window_seconds: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.String(),
  current_version: Type.Integer(),
  created_at: time,
  updated_at: time,
});
export const versionView = Type.Object({
  version: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  based_on: Type.Union([Type.Integer(), Type.Null()], { description: 'The version a rollback copied' }),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: time,
  variables: Type.Array(variableSchema),
  variants: Type.Array(variantSchema),
  used_variables: Type.Array(Type.String(), { description: 'Variables the content reads' }),
});
export const templateDetailView = Type.Object({ template: templateView, version: versionView });
export const diffView = Type.Array(
  Type.Object({
    path: Type.String({ description: 'channel/locale.field or variables' }),
    change: Type.String({ description: 'added, removed or changed' }),
    lines: Type.Array(
      Type.Object({ op: Type.String({ description: "' ', '-' or '+'" }), text: Type.String() }),
    ),
  }),
);
export const previewView = Type.Object({
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  format: Type.String(),
  bytes: Type.Integer({ description: 'Body size in UTF-8' }),
  limit_bytes: Type.Integer({ description: 'The channel’s body limit' }),
  truncated: Type.Boolean({ description: 'Sending would cut it and append a link' }),
  variables: Type.Array(Type.String(), { description: 'Variables the variant reads' }),
});

export type TemplateView = Static<typeof templateView>;
export type VersionView = Static<typeof versionView>;

export const versionsView = () => Type.Array(versionView);
