import { message } from 'ant-design-vue';
import { computed, ref, watch } from 'vue';
import { ApiError } from '@/platform/api/api-error';
import { useSessionStore } from '@/platform/auth/session.store';
import { reportError } from '@/platform/errors/report';
import { i18n } from '@/platform/i18n/i18n';
import { type ActionFailure, failureOf } from './action-failure';
import { type ActionInput, type ActionName, type ApprovalDetail, approvalsApi } from './approvals.api';
import { formChanges } from './form-changes';
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
  /** A signature node with a meaning is a Part 11 signature: its signer may decline it here. */
  const part11Task = computed(() => {
    const node = allNodes((detail.value?.definition.process ?? []) as FlowNode[]).find(
      (n) => n.id === myTask.value?.node_id,
    ) as (FlowNode & { meaning?: string }) | undefined;
    return myTask.value?.kind === 'signature' && Boolean(node?.meaning);
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
      decline: d?.status === 'running' && part11Task.value,
    };
  });

  async function act(action: ActionName, input: ActionInput): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    failure.value = null;
    try {
      const body =
        myTask.value && ['approve', 'reject', 'decline', 'return', 'transfer', 'add-sign'].includes(action)
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

/**
 * The form on the instance and phone pages: the values being edited, whether they are
 * editable (the initiator on resubmit; an approver the fields their step grants edit), the
 * server's field errors, and `act`, which adds `form_data` to a resubmit and the changed
 * fields as `form_changes` to an approval.
 */
export function useApprovalForm(approval: ReturnType<typeof useApproval>) {
  const { detail, can, failure } = approval;
  const values = ref<Record<string, unknown>>({});
  watch(detail, (d) => {
    values.value = { ...(d?.form_data ?? {}) };
  });
  const editable = computed(() => can.value.resubmit || can.value.approve);
  const fieldErrors = computed(() => failure.value?.fields ?? {});

  async function act(action: ActionName, input: ActionInput, done: (ok: boolean) => void): Promise<void> {
    let body = input;
    if (action === 'resubmit') body = { ...input, form_data: values.value };
    if (action === 'approve') {
      const changes = formChanges(
        detail.value?.definition.fields ?? [],
        detail.value?.form_data ?? {},
        values.value,
      );
      if (Object.keys(changes).length > 0) body = { ...input, form_changes: changes };
    }
    done(await approval.act(action, body));
  }
  return { values, editable, fieldErrors, act };
}
