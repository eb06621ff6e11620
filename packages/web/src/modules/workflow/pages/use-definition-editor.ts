import { message } from 'ant-design-vue';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { ApiError } from '@/platform/api/api-error';
import { useSessionStore } from '@/platform/auth/session.store';
import { reportError } from '@/platform/errors/report';
import { type DefinitionBody, emptyBody } from '../model/definition';
import { type Issue, issuesByNode, precheck } from '../model/precheck';
import { type Definition, issuesOf, workflowApi } from '../workflow.api';

/**
 * The designer's state and its round trips: load a version, save it as a draft (create
 * or update), publish, start a new version. Issues are the live client pre-check plus
 * the server's last 40053 answer (cleared by the next edit, as it may no longer hold).
 */
export function useDefinitionEditor() {
  const { t } = useI18n();
  const router = useRouter();
  const canManage = useSessionStore().can('workflow.definition.manage');
  const definition = shallowRef<Definition | null>(null);
  const meta = reactive({ key: '', name: '', description: '' as string | null });
  const body = reactive<DefinitionBody>(emptyBody());
  const serverIssues = ref<Issue[]>([]);
  const busy = ref(false);
  const loading = ref(false);
  /** False until the version asked for is loaded: no empty tree (or a save of it) meanwhile. */
  const ready = ref(false);
  const readonly = computed(
    () => !canManage || (definition.value !== null && definition.value.status !== 'draft'),
  );
  const clientIssues = computed(() => precheck(body, t));
  const allIssues = computed(() => [...clientIssues.value, ...serverIssues.value]);
  const issues = computed(() => issuesByNode(allIssues.value));
  let loaded = false;
  watch(
    body,
    () => {
      if (loaded) serverIssues.value = [];
    },
    { deep: true },
  );

  function apply(found: Definition) {
    loaded = false;
    definition.value = found;
    Object.assign(meta, { key: found.key, name: found.name, description: found.description });
    const next = structuredClone(found.body) as DefinitionBody;
    body.form = next.form;
    body.process = next.process;
    body.dedupe_consecutive = next.dedupe_consecutive;
    serverIssues.value = [];
    queueMicrotask(() => {
      loaded = true;
    });
  }

  /** A version to edit, or (`from`) a version whose copy becomes a new definition. */
  async function load(id: string | undefined, from?: string) {
    if (!id && !from) {
      loaded = true;
      ready.value = true;
      return;
    }
    loading.value = true;
    try {
      if (id) apply(await workflowApi.get(id));
      else if (from) {
        apply(await workflowApi.get(from));
        definition.value = null;
        meta.key = `${meta.key}-copy`.slice(0, 100);
        meta.name = t('workflow.copyOf', { name: meta.name });
      }
    } catch (error) {
      reportError(error);
    } finally {
      loading.value = false;
      ready.value = true;
    }
  }

  /** Plain JSON of the reactive body (no proxies), as the API takes it. */
  const plainBody = (): DefinitionBody => JSON.parse(JSON.stringify(body));

  async function attempt(action: () => Promise<void>): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      await action();
      return true;
    } catch (error) {
      const found = error instanceof ApiError ? issuesOf(error) : [];
      if (found.length) {
        serverIssues.value = found;
        message.error(t('workflow.invalid', { count: found.length }));
      } else reportError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const save = () =>
    attempt(async () => {
      const input = { name: meta.name, description: meta.description || null, body: plainBody() };
      const current = definition.value;
      const saved = current
        ? await workflowApi.update(current.id, input)
        : await workflowApi.create({ ...input, key: meta.key });
      apply(saved);
      message.success(t('workflow.savedDraft'));
      if (!current) await router.replace(`/workflows/${saved.id}`);
    });

  async function publish() {
    if (!(await save()) || !definition.value) return;
    const id = definition.value.id;
    await attempt(async () => {
      apply(await workflowApi.publish(id));
      message.success(t('workflow.published'));
    });
  }

  const newVersion = () =>
    attempt(async () => {
      const id = definition.value?.id;
      if (!id) return;
      const copy = await workflowApi.newVersion(id);
      await router.push(`/workflows/${copy.id}`);
      apply(copy);
    });

  const check = () =>
    attempt(async () => {
      const answer = await workflowApi.validate(plainBody());
      serverIssues.value = answer.issues;
      if (answer.valid && !clientIssues.value.length) message.success(t('workflow.valid'));
    });

  return {
    definition,
    meta,
    body,
    issues,
    allIssues,
    busy,
    loading,
    ready,
    readonly,
    canManage,
    load,
    save,
    publish,
    newVersion,
    check,
  };
}
