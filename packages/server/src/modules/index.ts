import type { ModuleDefinition } from '../platform/module.js';
import { auditModule } from './audit/index.js';
import { documentTemplatesModule } from './document-templates/index.js';
import { documentsModule } from './documents/index.js';
import { identityModule } from './identity/index.js';
import { jobsAdminModule } from './jobs-admin/index.js';
import { keysModule } from './keys/index.js';
import { monitorModule } from './monitor/index.js';
import { notificationsModule } from './notifications/index.js';
import { profilesModule } from './profiles/index.js';
import { recordsModule } from './records/index.js';
import { sealsModule } from './seals/index.js';
import { signingModule } from './signing/index.js';
import { webhooksModule } from './webhooks/index.js';
import { workflowModule } from './workflow/index.js';

/** The modules of SignX, in the order they are installed. */
export const modules: ModuleDefinition[] = [
  auditModule,
  identityModule,
  jobsAdminModule,
  monitorModule,
  notificationsModule,
  keysModule,
  documentsModule,
  documentTemplatesModule,
  signingModule,
  recordsModule,
  workflowModule,
  webhooksModule,
  sealsModule,
  profilesModule,
];
