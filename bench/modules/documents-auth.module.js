// The documents benchmark's user: may do everything with documents and sees every row, so the
// benchmark measures filing and serving, not sign-in.
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
  ],
});

export const modules = auth.modules;
export const benchHeaders = auth.benchHeaders;
