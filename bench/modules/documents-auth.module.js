// The documents benchmark's user: may do everything with documents and document templates
// and sees every row, so the benchmark measures filing, generating and serving, not sign-in
// (identity has its own benchmark).
import { benchAuth } from '../lib/bench-auth.js';

const auth = benchAuth({
  name: 'bench-documents-auth',
  userId: '019a0000-0000-7000-8000-00000000b001',
  username: 'bench',
  permissions: [
    'documents.document.read',
    'documents.document.upload',
    'documents.document.delete',
    'documents.document.hold',
    'doc_templates.template.read',
    'doc_templates.template.manage',
    'doc_templates.batch.run',
  ],
});

export const modules = auth.modules;
export const benchHeaders = auth.benchHeaders;
