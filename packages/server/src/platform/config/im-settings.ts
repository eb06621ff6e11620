import type { ConfigProblem } from './config-reader.js';

/**
 * The IM apps that send approval cards and receive their button callbacks
 * (docs/workflow.md, "IM approval cards"). A provider is on when its app credentials and
 * its callback secrets are all set; a part of a set is a configuration error.
 */
export const imSettings = {
  IM_FEISHU_APP_ID: { kind: 'string', description: 'Feishu/Lark app id (cli_…) of the approval-card app' },
  IM_FEISHU_APP_SECRET: { kind: 'string', secret: true, description: 'Feishu app secret' },
  IM_FEISHU_ENCRYPT_KEY: {
    kind: 'string',
    secret: true,
    description: 'Feishu event "Encrypt Key": signs (X-Lark-Signature) and encrypts card callbacks',
  },
  IM_FEISHU_VERIFICATION_TOKEN: {
    kind: 'string',
    secret: true,
    description: 'Feishu "Verification Token" each card callback must carry',
  },
  IM_FEISHU_API_URL: {
    kind: 'string',
    pattern: /^https?:\/\//,
    default: 'https://open.feishu.cn',
    description: 'Feishu open API base (https://open.larksuite.com for Lark)',
  },
  IM_DINGTALK_APP_KEY: {
    kind: 'string',
    description: 'DingTalk app key (also the suite key the callback encryption names)',
  },
  IM_DINGTALK_APP_SECRET: { kind: 'string', secret: true, description: 'DingTalk app secret' },
  IM_DINGTALK_ROBOT_CODE: {
    kind: 'string',
    description: 'DingTalk robot code that sends the interactive cards (default: the app key)',
  },
  IM_DINGTALK_CARD_TEMPLATE_ID: {
    kind: 'string',
    default: 'StandardCard',
    description: 'DingTalk interactive card template id',
  },
  IM_DINGTALK_TOKEN: {
    kind: 'string',
    secret: true,
    description: 'DingTalk callback token (signs msg_signature)',
  },
  IM_DINGTALK_AES_KEY: {
    kind: 'string',
    secret: true,
    pattern: /^[A-Za-z0-9+/]{43}$/,
    description: 'DingTalk callback aes_key (43-character EncodingAESKey)',
  },
  IM_DINGTALK_API_URL: {
    kind: 'string',
    pattern: /^https?:\/\//,
    default: 'https://api.dingtalk.com',
    description: 'DingTalk open API base',
  },
  IM_WECOM_CORP_ID: { kind: 'string', description: 'WeCom corp id (ww…) of the approval-card app' },
  IM_WECOM_AGENT_ID: { kind: 'string', pattern: /^\d+$/, description: 'WeCom app AgentId' },
  IM_WECOM_SECRET: { kind: 'string', secret: true, description: 'WeCom app secret' },
  IM_WECOM_TOKEN: { kind: 'string', secret: true, description: 'WeCom callback Token (signs msg_signature)' },
  IM_WECOM_AES_KEY: {
    kind: 'string',
    secret: true,
    pattern: /^[A-Za-z0-9+/]{43}$/,
    description: 'WeCom callback EncodingAESKey (43 characters)',
  },
  IM_WECOM_API_URL: {
    kind: 'string',
    pattern: /^https?:\/\//,
    default: 'https://qyapi.weixin.qq.com',
    description: 'WeCom API base',
  },
} as const;

type ImValues = { [K in keyof typeof imSettings]?: string | undefined };

const groups = {
  feishu: [
    'IM_FEISHU_APP_ID',
    'IM_FEISHU_APP_SECRET',
    'IM_FEISHU_ENCRYPT_KEY',
    'IM_FEISHU_VERIFICATION_TOKEN',
  ],
  dingtalk: ['IM_DINGTALK_APP_KEY', 'IM_DINGTALK_APP_SECRET', 'IM_DINGTALK_TOKEN', 'IM_DINGTALK_AES_KEY'],
  wecom: ['IM_WECOM_CORP_ID', 'IM_WECOM_AGENT_ID', 'IM_WECOM_SECRET', 'IM_WECOM_TOKEN', 'IM_WECOM_AES_KEY'],
} as const;

/** Half-configured apps are refused at boot (all required settings of a provider, or none). */
export function checkImSettings(v: ImValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [provider, names] of Object.entries(groups)) {
    const set = names.filter((n) => v[n]);
    if (set.length > 0 && set.length < names.length)
      for (const n of names.filter((name) => !v[name]))
        problems.push({ variable: n, message: `is required with the other ${provider} IM app settings` });
  }
  return problems;
}

/** The parsed IM app configuration (`config.im`); a provider missing is not configured. */
export function imConfig(v: ImValues) {
  const feishu = v.IM_FEISHU_APP_ID
    ? {
        appId: v.IM_FEISHU_APP_ID,
        appSecret: v.IM_FEISHU_APP_SECRET ?? '',
        encryptKey: v.IM_FEISHU_ENCRYPT_KEY ?? '',
        verificationToken: v.IM_FEISHU_VERIFICATION_TOKEN ?? '',
        apiUrl: (v.IM_FEISHU_API_URL ?? '').replace(/\/+$/, ''),
      }
    : undefined;
  const dingtalk = v.IM_DINGTALK_APP_KEY
    ? {
        appKey: v.IM_DINGTALK_APP_KEY,
        appSecret: v.IM_DINGTALK_APP_SECRET ?? '',
        robotCode: v.IM_DINGTALK_ROBOT_CODE ?? v.IM_DINGTALK_APP_KEY,
        cardTemplateId: v.IM_DINGTALK_CARD_TEMPLATE_ID ?? 'StandardCard',
        token: v.IM_DINGTALK_TOKEN ?? '',
        aesKey: v.IM_DINGTALK_AES_KEY ?? '',
        apiUrl: (v.IM_DINGTALK_API_URL ?? '').replace(/\/+$/, ''),
      }
    : undefined;
  const wecom = v.IM_WECOM_CORP_ID
    ? {
        corpId: v.IM_WECOM_CORP_ID,
        agentId: v.IM_WECOM_AGENT_ID ?? '',
        secret: v.IM_WECOM_SECRET ?? '',
        token: v.IM_WECOM_TOKEN ?? '',
        aesKey: v.IM_WECOM_AES_KEY ?? '',
        apiUrl: (v.IM_WECOM_API_URL ?? '').replace(/\/+$/, ''),
      }
    : undefined;
  return { feishu, dingtalk, wecom };
}

export type ImConfig = ReturnType<typeof imConfig>;
