/** The LibreOffice conversion pool's settings (platform/convert), part of the settings list. */
export const convertSettings = {
  LIBREOFFICE_DIR: {
    kind: 'string',
    default: '/usr/lib/libreoffice',
    description: 'LibreOffice installation the conversion pool runs (program/soffice, share/registry)',
  },
  CONVERT_WORKERS: {
    kind: 'int',
    min: 0,
    max: 64,
    default: 0,
    description: 'Long-lived LibreOffice workers converting office files to PDF (0: one per core)',
  },
  CONVERT_MAX_JOBS_PER_WORKER: {
    kind: 'int',
    min: 1,
    default: 200,
    description: 'Files a LibreOffice worker converts before it is restarted on a fresh profile',
  },
  CONVERT_TIMEOUT_MS: {
    kind: 'int',
    min: 1000,
    default: 60_000,
    description: 'Longest conversion of one file; past it the worker is killed and the file fails',
  },
  CONVERT_MEMORY_LIMIT_MB: {
    kind: 'int',
    min: 128,
    default: 1024,
    description: 'Resident memory of one LibreOffice worker; past it the worker is killed and restarted',
  },
  CONVERT_NETWORK_ISOLATION: {
    kind: 'enum',
    values: ['auto', 'required', 'off'],
    default: 'auto',
    description: 'Run LibreOffice workers without network (unshare -n): auto when the kernel allows it',
  },
  CONVERT_PYTHON: {
    kind: 'string',
    default: '/usr/bin/python3',
    description: "Python with Debian's python3-uno, which drives the LibreOffice workers",
  },
} as const;
