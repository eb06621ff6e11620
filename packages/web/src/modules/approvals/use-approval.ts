import { message } from 'ant-design-vue';
import { computed, ref } from 'vue';
import { ApiError } from '@/platform/api/api-error';
import { useSessionStore } from '@/platform/auth/session.store';
import { reportError } from '@/platform/errors/report';
import { i18n } from '@/platform/i18n/i18n';
import { type ActionFailure, failureOf } from './action-failure';
import { type ActionInput, type ActionName, type ApprovalDetail, approvalsApi } from './approvals.api';
import { allNodes, type FlowNode, nodeStates, returnTargets } from './progress';

/**
 * One approval on the instance page and the mobile page: the detail, which actions the
 * viewer has, and `act`, which shows a refusal (409 already decided, 403 not your task,
 * urged too recently) instead of throwing, and reloads after a conflict.
 */
export function useApproval(id: () => string) {
  const t = i18n.global.t;
  const session = useSessionStore();
  const detail = ref<ApprovalDetail | null>(null);
  const loadError = ref<ApiError | null>(null);
  const failure = ref<ActionFailure | null>(null);
  const busy = ref(false);

  async function load(): Promise<void> {
    try {
      detail.value = await approvalsApi.detail(id());
      loadError.value = null;
      const me = session.me?.user.id;
      if (detail.value.tasks.some((task) => task.assignee_id === me && task.status === 'unread'))
        detail.value = await approvalsApi.markCcRead(id());
    } catch (error) {
      if (error instanceof ApiError) loadError.value = error;
      else reportError(error);
    }
  }

  const myTask = computed(() => {
    const open = new Set(detail.value?.my_task_ids ?? []);
    return detail.value?.tasks.find((task) => open.has(task.id)) ?? null;
  });
  const isInitiator = computed(() => detail.value?.applicant_id === session.me?.user.id);
  const targets = computed(() =>
    detail.value ? returnTargets(detail.value.definition.process as FlowNode[], detail.value) : [],
  );
  const states = computed(() =>
    detail.value ? nodeStates(detail.value.definition.process as FlowNode[], detail.value) : new Map(),
  );
  /** The node's own setting (on_reject) says where a rejection goes; the pages say it before. */
  const rejectGoesBack = computed(() => {
    const node = allNodes((detail.value?.definition.process ?? []) as FlowNode[]).find(
      (n) => n.id === myTask.value?.node_id,
    ) as (FlowNode & { on_reject?: string }) | undefined;
    return node?.on_reject === 'initiator';
  });
  const can = computed(() => {
    const d = detail.value;
    const deciding =
      d?.status === 'running' && (myTask.value?.kind === 'approval' || myTask.value?.kind === 'handler');
    return {
      approve: deciding,
      reject: deciding,
      return: deciding && targets.value.length > 0,
      transfer: deciding,
      addSign: deciding,
      withdraw: isInitiator.value && (d?.status === 'running' || d?.status === 'returned'),
      urge: isInitiator.value && d?.status === 'running',
      resubmit: isInitiator.value && d?.status === 'returned',
      comment: d !== null,
    };
  });

  async function act(action: ActionName, input: ActionInput): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    failure.value = null;
    try {
      const body =
        myTask.value && ['approve', 'reject', 'return', 'transfer', 'add-sign'].includes(action)
          ? { task_id: myTask.value.id, ...input }
          : input;
      detail.value = await approvalsApi.act(id(), action, body);
      void message.success(t(`approvals.done.${action}`));
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        reportError(error);
        return false;
      }
      failure.value = failureOf(error);
      // Someone else decided first (or-sign race): show the approval as it now is.
      if (error.status === 409 && failure.value.kind !== 'urgeTooSoon') await load();
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    detail,
    loadError,
    failure,
    busy,
    myTask,
    isInitiator,
    targets,
    states,
    rejectGoesBack,
    can,
    load,
    act,
  };
}
