import type { Actor } from '../../../platform/actor.js';
import type { ImConfig } from '../../../platform/config/im-settings.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, domainError } from '../../../platform/errors.js';
import { notifications } from '../../notifications/index.js';
import { decideApproval } from '../approvals/approvals.service.js';
import { can } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import {
  type CallbackRequest,
  dingtalkSuccess,
  type Verified,
  verifyDingtalk,
  verifyFeishu,
  windowMs,
} from './card-callback.verify.js';
import type { CardProvider } from './im-card-apps.js';
import { imCardErrors as errors } from './im-cards.errors.js';
import * as cards from './im-cards.repository.js';
import { verifyWecom, verifyWecomUrl } from './wecom-card.js';

/**
 * A button pressed on an IM approval card (docs/workflow.md, "IM approval cards"): verified
 * first (card-callback.verify.ts), then in one transaction the nonce is stored once (a
 * replay is refused), the card and the presser checked against the card's IM user and the
 * assignee's current profile id, and the decision made by decideApproval as the assignee.
 * A card used before answers success and changes nothing; a task decided elsewhere first
 * answers "already decided".
 */
export type Outcome = 'approved' | 'rejected' | 'repeated' | 'already_decided';

const decisions = new Set(['approve', 'reject']);

function imActor(
  userId: string,
  provider: string,
  request: Pick<Actor, 'ip' | 'userAgent' | 'requestId'>,
): Actor {
  return {
    type: 'user',
    id: userId,
    userId,
    name: `im:${provider}`,
    permissions: new Set([can['workflow.approval.use']]),
    authMethod: `im:${provider}`,
    sessionId: null,
    ...request,
  };
}

export async function acceptCardCallback(
  deps: WorkflowDeps,
  provider: string,
  request: CallbackRequest,
  client: Pick<Actor, 'ip' | 'userAgent' | 'requestId'>,
): Promise<Record<string, unknown> | string> {
  const im = deps.ctx.config.im;
  const verified = verify(im, provider, request);
  if (verified.kind === 'handshake') return verified.answer;
  const outcome = await decideByCard(deps, provider as CardProvider, verified, client);
  if (provider === 'dingtalk')
    return dingtalkSuccess(im.dingtalk as NonNullable<typeof im.dingtalk>, request.now, verified.nonce);
  // WeCom wants an empty answer (a card update would be an encrypted XML reply).
  if (provider === 'wecom') return '';
  const said: Record<Outcome, [string, string]> = {
    approved: ['success', '已同意 Approved'],
    rejected: ['success', '已拒绝 Rejected'],
    repeated: ['info', '已处理 Already done'],
    already_decided: ['info', '已由他人或在网页处理 Already decided'],
  };
  return { toast: { type: said[outcome][0], content: said[outcome][1] }, outcome };
}

/** WeCom's URL check: the decrypted echostr, once the signature and the window hold. */
export function checkWecomUrl(deps: WorkflowDeps, request: CallbackRequest, echostr: string): string {
  const app = deps.ctx.config.im.wecom;
  if (!app) throw domainError(errors.IM_APP_NOT_CONFIGURED, 'No wecom IM app is configured');
  return verifyWecomUrl(app, { ...request, echostr });
}

function verify(im: ImConfig, provider: string, request: CallbackRequest): Verified {
  if (provider === 'feishu' && im.feishu) return verifyFeishu(im.feishu, request);
  if (provider === 'dingtalk' && im.dingtalk) return verifyDingtalk(im.dingtalk, request);
  if (provider === 'wecom' && im.wecom) return verifyWecom(im.wecom, request);
  throw domainError(errors.IM_APP_NOT_CONFIGURED, `No ${provider} IM app is configured`);
}

async function decideByCard(
  deps: WorkflowDeps,
  provider: CardProvider,
  press: { nonce: string; imUserId: string; cardId: string; decision: string },
  client: Pick<Actor, 'ip' | 'userAgent' | 'requestId'>,
): Promise<Outcome> {
  return inTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    if (!(await cards.rememberNonce(trx, provider, press.nonce, now.toISOString())))
      throw domainError(errors.IM_CALLBACK_REPLAYED, 'This callback was received before');
    const card = press.cardId ? await cards.findCard(trx, press.cardId) : undefined;
    if (!card || card.provider !== provider || !decisions.has(press.decision))
      throw domainError(errors.IM_CARD_UNKNOWN, 'The callback names no card of this server');
    const current = await notifications.imUserId(trx, card.user_id, provider);
    if (!press.imUserId || card.im_user_id !== press.imUserId || current !== press.imUserId)
      throw domainError(errors.IM_USER_MISMATCH, 'Only the assignee decides through this card');
    if (card.used_at) return 'repeated';
    const outcome = await decideOnce(
      trx,
      deps,
      imActor(card.user_id, provider, client),
      card,
      press.decision,
    );
    await cards.useCard(trx, card.card_id, outcome, now.toISOString());
    // A nonce older than twice the window can no longer pass the timestamp check: it may go.
    await cards.forgetNoncesBefore(trx, new Date(now.getTime() - 2 * windowMs).toISOString());
    return outcome;
  });
}

async function decideOnce(
  trx: Parameters<typeof decideApproval>[0],
  deps: WorkflowDeps,
  actor: Actor,
  card: cards.CardRow,
  decision: string,
): Promise<Outcome> {
  try {
    await decideApproval(trx, deps, actor, card.instance_id, {
      decision: decision as 'approve' | 'reject',
      task_id: card.task_id,
      channel: `im:${card.provider}`,
    });
    return decision === 'approve' ? 'approved' : 'rejected';
  } catch (error) {
    const lost =
      error instanceof AppError &&
      (error.domain === workflowErrors.TASK_ALREADY_DECIDED ||
        error.domain === workflowErrors.INSTANCE_NOT_RUNNING);
    if (lost) return 'already_decided';
    throw error;
  }
}
