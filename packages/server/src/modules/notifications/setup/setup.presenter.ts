import type { EndpointRow, GroupRow, ProviderRow } from './groups.repository.js';

/** Setup rows out: never a sealed value, never a secret. */
export const presentEndpoint = (e: EndpointRow) => ({
  id: e.id,
  name: e.name,
  url_hint: e.url_hint,
  has_secret: e.secret_sealed !== null,
  enabled: e.enabled === 1,
  updated_at: e.updated_at,
});

export const presentGroup = (g: GroupRow, endpoints: EndpointRow[]) => ({
  id: g.id,
  channel: g.channel,
  code: g.code,
  name: g.name,
  is_default: g.is_default === 1,
  enabled: g.enabled === 1,
  endpoints: endpoints.map(presentEndpoint),
});

export const presentProvider = (
  p: Omit<ProviderRow, 'settings'> & { settings: Record<string, string> },
  breakerOpen: boolean,
  receiptUrl: string | null,
) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  position: p.position,
  settings: p.settings,
  enabled: p.enabled === 1,
  breaker_open: breakerOpen,
  receipt_url: receiptUrl,
  updated_at: p.updated_at,
});
