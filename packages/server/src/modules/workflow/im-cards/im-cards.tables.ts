/** IM approval cards (migrations/2026_12_15_0810_workflow_im_cards.ts). */
export interface WorkflowImCardsTable {
  /** Random, 128 bits as hex: the only thing a card's buttons carry back besides the decision. */
  card_id: string;
  instance_id: string;
  task_id: string;
  user_id: string;
  /** 'feishu' | 'dingtalk'. */
  provider: string;
  /** The IM user id the card went to (Feishu open_id, DingTalk userId). */
  im_user_id: string;
  created_at: string;
  sent_at: string | null;
  used_at: string | null;
  /** 'approve' | 'reject' once used; 'already_decided' when the task was decided elsewhere. */
  outcome: string | null;
}

/** Each callback request's nonce, stored once per provider: a replay is refused. */
export interface WorkflowImNoncesTable {
  provider: string;
  nonce: string;
  seen_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    workflow_im_cards: WorkflowImCardsTable;
    workflow_im_nonces: WorkflowImNoncesTable;
  }
}
