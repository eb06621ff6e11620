// The signing benchmark's sender: may upload documents and create, send and read signing
// requests, so the benchmark measures signing, not sign-in. Signers use their links, as in
// production.
import { benchAuth } from '../lib/bench-auth.js';

const auth = benchAuth({
  name: 'bench-signing-auth',
  userId: '019a0000-0000-7000-8000-00000000b051',
  username: 'bench-sender',
  permissions: [
    'documents.document.read',
    'documents.document.upload',
    'signing.request.read',
    'signing.request.create',
    'signing.template.read',
  ],
});

export const modules = auth.modules;
export const benchHeaders = auth.benchHeaders;
