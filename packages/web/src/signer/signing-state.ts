import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { computed, reactive, ref, shallowRef } from 'vue';
import {
  restoreFactorProof,
  SignApiError,
  type SignatureMark,
  type SigningField,
  type SigningPage,
  signApi,
} from './api';
import { t } from './i18n';
import { openPdf } from './pdf';
import { initialsOf } from './typed-signature';

export type Phase =
  | 'loading'
  | 'waiting'
  | 'unavailable'
  | 'error'
  | 'ready'
  | 'signing'
  | 'done'
  | 'declined'
  /** The request asks for a second factor that has not passed yet (code step). */
  | 'factor';
export interface LoadedDocument {
  id: string;
  pages: PDFPageProxy[];
}

/** Where a field lives for layout: the document and page it belongs to. */
export function fieldKey(field: SigningField, documents: LoadedDocument[]): string {
  return `${field.document_id ?? documents[0]?.id ?? ''}:${field.page}`;
}

/**
 * The signer page's state: the request as the server describes it, the PDFs, the values of
 * the fields, the marks (signature and initials) and the outcome. Kept out of the component
 * so the page file stays a template.
 */
export function useSigning(token: string) {
  const phase = ref<Phase>('loading');
  const problem = ref('');
  const page = shallowRef<SigningPage | null>(null);
  const documents = shallowRef<LoadedDocument[]>([]);
  const values = reactive<Record<string, string>>({});
  const marks = reactive<{ signature: SignatureMark | null; initials: SignatureMark | null }>({
    signature: null,
    initials: null,
  });
  const consent = ref(false);
  /** The signer's own PKCS#12 and password, in memory only, when they chose to use it. */
  const certificate = shallowRef<{ p12: string; password: string } | null>(null);
  const signatureNumber = ref('');
  /** The signer's own placement when the sender placed no field (page-percent box). */
  const freeField = ref<SigningField | null>(null);

  /** An assistant fills the value fields of a later signer (POST /fill) and does not sign. */
  const isAssistant = computed(() => page.value?.signer.role === 'assistant');
  const filledOnly = ref(false);
  const placedFields = computed(() =>
    (page.value?.fields ?? []).filter(
      (f) => !isAssistant.value || (f.field_type !== 'signature' && f.field_type !== 'initials'),
    ),
  );
  const fields = computed<SigningField[]>(() =>
    placedFields.value.length > 0 ? placedFields.value : freeField.value ? [freeField.value] : [],
  );
  const markOf = (field: SigningField) =>
    field.field_type === 'signature'
      ? marks.signature
      : field.field_type === 'initials'
        ? marks.initials
        : null;
  const isFilled = (field: SigningField) => {
    if (field.field_type === 'signature' || field.field_type === 'initials') return markOf(field) !== null;
    const value = values[field.id] ?? '';
    return field.field_type === 'checkbox' ? value === 'true' : value.trim() !== '';
  };
  // An assistant pre-fills: the signer it assists is the one who must complete the fields.
  const missing = computed(() =>
    isAssistant.value ? [] : fields.value.filter((f) => f.required && !isFilled(f)),
  );
  const isFreePlacement = computed(() => placedFields.value.length === 0 && freeField.value !== null);
  const allowed = computed(() => {
    const types = page.value?.request.allowed_signature_types ?? [];
    const all = types.length === 0;
    return {
      drawn: all || types.includes('drawn'),
      // a certificate signature shows a mark too: the typed name at least
      typed: all || types.includes('typed') || types.includes('certificate'),
      image: all || types.includes('image'),
      certificate: types.includes('certificate'),
    };
  });

  async function load() {
    phase.value = 'loading';
    restoreFactorProof(token);
    try {
      const data = await signApi.page(token);
      page.value = data;
      for (const field of data.fields ?? []) values[field.id] = field.value ?? defaultValue(field, data);
      const loaded: LoadedDocument[] = [];
      for (const doc of data.documents) {
        const pdf: PDFDocumentProxy = await openPdf(await signApi.pdf(doc.url));
        const pages: PDFPageProxy[] = [];
        for (let n = 1; n <= pdf.numPages; n += 1) pages.push(await pdf.getPage(n));
        loaded.push({ id: doc.document_id, pages });
      }
      documents.value = loaded;
      // No field placed by the sender: one signature box at the foot of the last page, for
      // the signer to fill (the server places the signature's appearance itself).
      const last = loaded[loaded.length - 1];
      if ((data.fields ?? []).length === 0 && last && data.signer.role !== 'assistant')
        placeFree(last.id, last.pages.length);
      if (data.signer.status === 'signed') phase.value = 'done';
      else phase.value = data.signer.is_current_turn ? 'ready' : 'waiting';
    } catch (error) {
      fail(error, true);
    }
  }

  function fail(error: unknown, loading = false) {
    if (error instanceof SignApiError && error.code === 40192) {
      phase.value = 'factor'; // nothing of the document was answered
      return;
    }
    if (error instanceof SignApiError && [400, 401, 403, 404, 409, 410].includes(error.status) && loading) {
      phase.value = 'unavailable';
      problem.value = error.code === 40974 ? t('sign.alreadySigned') : error.message;
      return;
    }
    if (error instanceof SignApiError && error.code === 40972) {
      problem.value = t('sign.notYourTurn');
      return;
    }
    problem.value = error instanceof SignApiError ? error.message : t('app.networkError');
    if (loading) phase.value = 'error';
  }

  async function fill(): Promise<string | null> {
    phase.value = 'signing';
    try {
      const filled = placedFields.value
        .filter((f) => (values[f.id] ?? '') !== '')
        .map((f) => ({ id: f.id, value: values[f.id] ?? '' }));
      await signApi.fill(token, filled);
      filledOnly.value = true;
      phase.value = 'done';
      return null;
    } catch (error) {
      phase.value = 'ready';
      fail(error);
      return problem.value;
    }
  }

  async function submit(): Promise<string | null> {
    if (!page.value) return null;
    if (isAssistant.value) return fill();
    if (missing.value.length > 0) return t('sign.fieldsNeeded');
    if (!consent.value) return t('sign.consentNeeded');
    const mark = marks.signature ?? marks.initials;
    if (!mark) return t('pad.empty');
    phase.value = 'signing';
    try {
      const consentText = page.value.request.consent_text || t('sign.consentDefault');
      const fieldValues = placedFields.value.map((f) => ({
        id: f.id,
        value:
          f.field_type === 'initials'
            ? (marks.initials?.preview ?? '')
            : f.field_type === 'signature'
              ? 'signed'
              : (values[f.id] ?? ''),
      }));
      // The signer's own box (free placement) goes where they moved it: what the page shows.
      const free = isFreePlacement.value ? freeField.value : null;
      const placement = free
        ? {
            document_id: free.document_id ?? null,
            page: free.page,
            x: round(free.x),
            y: round(free.y),
            width: free.width,
            height: free.height,
          }
        : undefined;
      const result = await signApi.sign(
        token,
        page.value,
        mark,
        fieldValues,
        consentText,
        certificate.value,
        placement,
      );
      certificate.value = null;
      signatureNumber.value = result.signature.signature_number;
      phase.value = 'done';
      return null;
    } catch (error) {
      phase.value = 'ready';
      fail(error);
      return problem.value;
    }
  }

  async function decline(reason: string): Promise<string | null> {
    try {
      await signApi.decline(token, reason);
      phase.value = 'declined';
      return null;
    } catch (error) {
      fail(error);
      return problem.value;
    }
  }

  function placeFree(documentId: string, pageNumber: number, x = 60, y = 82) {
    freeField.value = {
      id: 'free-placement',
      field_type: 'signature',
      document_id: documentId,
      page: pageNumber,
      x: Math.min(Math.max(x, 0), 70),
      y: Math.min(Math.max(y, 0), 92),
      width: 30,
      height: 8,
      required: true,
    };
  }

  /** Moves the free box by a page-percent step, kept wholly on its page. */
  function moveFree(dx: number, dy: number) {
    const box = freeField.value;
    if (!box) return;
    freeField.value = {
      ...box,
      x: Math.min(Math.max(box.x + dx, 0), 100 - box.width),
      y: Math.min(Math.max(box.y + dy, 0), 100 - box.height),
    };
  }

  return {
    phase,
    problem,
    page,
    documents,
    values,
    marks,
    consent,
    certificate,
    signatureNumber,
    fields,
    allowed,
    markOf,
    isFilled,
    missing,
    isFreePlacement,
    isAssistant,
    filledOnly,
    load,
    submit,
    decline,
    moveFree,
  };
}

/** Two decimals of a percent are finer than any pointer; the server takes numbers. */
const round = (n: number) => Math.round(n * 100) / 100;

function defaultValue(field: SigningField, page: SigningPage): string {
  if (field.field_type === 'name') return page.signer.signer_name;
  if (field.field_type === 'date') return new Date().toISOString().slice(0, 10);
  return '';
}

export { initialsOf };
