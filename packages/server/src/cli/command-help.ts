/**
 * The help text of every CLI command, kept apart from the commands' code so that
 * `signx <command> --help` answers without loading the command or reading configuration.
 */
export const commandHelp: Record<string, string> = {
  help: `Usage: signx help [<command>]

Lists the commands, or shows the help of one command (same as signx <command> --help).`,
  serve: `Usage: signx serve [--port N] [--workers N]

Starts the platform: migrates the database, then serves the API and the web app.
  --port N       HTTP port (default: PORT, 8080)
  --workers N    processes sharing the port, 1–64 (default 1); the first process migrates
SIGTERM or SIGINT drains in-flight requests and jobs (SHUTDOWN_GRACE_MS), then exits.`,
  migrate: `Usage: signx migrate

Applies pending database migrations (DATABASE_URL) and reports the database as current.`,
  admin: `Usage: signx admin create --username NAME [--full-name "Full Name"] [--email ADDRESS]

Creates another super administrator and prints their one-time password.
  --username NAME     3–64 letters, digits, dot, underscore or hyphen
  --full-name TEXT    display name (default: the username)
  --email ADDRESS     mail address for password resets`,
  doctor: `Usage: signx doctor

Checks the configuration, the database, file storage and the optional external tools
(LibreOffice, qpdf, pdfsig, mutool, chromium) and says in plain words what is missing.`,
  pdf: `Usage:
  signx pdf sign <in.pdf> -o <out.pdf> [options]
  signx pdf verify <file.pdf> [--trust <pem>] [--online] [--json]

sign options:
  -o, --output FILE    where the signed PDF is written (required)
  --level L            B-B (default), B-T, B-LT or B-LTA (B-T and above use the platform TSA)
  --key FILE           PKCS#12 or PEM private key (default: a key of the platform CA in DATA_DIR)
  --password PW        password of the PKCS#12 file
  --cert FILE          PEM certificate chain when --key is a bare PEM key
  --visible            draw a visible signature: --page N (default 1), --rect x,y,w,h
  --name TEXT          printed signer name
  --meaning M          authorship, approval, review or responsibility
  --reason TEXT        reason shown in the signature
  --time-zone ZONE     IANA zone for the time printed in a visible signature
verify options:
  --trust FILE         PEM trust anchors (default: the platform root in DATA_DIR); repeatable
  --online             fetch revocation data over the network (default: embedded only)
  --json               the full report as JSON
Exit status: 0 when every signature is valid, 1 otherwise, 2 for a usage error.`,
  audit: `Usage:
  signx audit verify [--json]
  signx audit verify-bundle <file> [--key-id ID] [--json]
  signx audit checkpoint
  signx audit archive

  verify          recompute every chain and checkpoint (also with the server stopped);
                  exit 1 names the first broken event
  verify-bundle   verify an exported evidence bundle offline, without the database;
                  --key-id compares the bundle's signing key with the id your organisation published
  checkpoint      sign and anchor a checkpoint of every chain now
  archive         archive events older than AUDIT_RETENTION_DAYS to storage`,
  jobs: `Usage: signx jobs <command>

  queues                                   queues with job counts by state
  list [--queue Q] [--state S] [--name N] [--limit 20]
                                           newest jobs (S: queued, running, succeeded, dead, cancelled)
  show <job-id>                            one job with its failed attempts
  retry <job-id> | cancel <job-id>         put a dead/cancelled job back | cancel a queued/running one
  pause <queue> | resume <queue>           stop or restart starting jobs of a queue
  schedules                                schedules with their next fire time`,
  keys: `Usage: signx keys hsm <command>

  generate ca|tsa    generate the issuing CA (ca) or TSA key inside the PKCS#11 token under
                     KEYS_PKCS11_CA_KEY / KEYS_PKCS11_TSA_KEY and certify it (root → CA → TSA)
  rotate ca|tsa      a new key and certificate under the same label; the old key stays in the
                     token as <label>.retired.<serial>, its certificate valid (overlap)
  check              the startup self-check: token, PIN, keys, certificates, one canary each

  --algorithm A      with generate/rotate: EC-P256 (default), EC-P384, RSA-2048, RSA-3072, RSA-4096`,
  workflow: `Usage: signx workflow <command>

  templates                  the approval templates SignX ships (key, name, what it is for)
  install [key ...]          create and publish shipped templates whose key is still free
                             (all of them when no key is named); keys in use are left alone`,
  compliance: `Usage:
  signx compliance report [--out DIR] [--clause C]... [--root DIR] [--docs DIR]
  signx compliance verify <report.json> [--pdf FILE] [--trust PEM]
  signx compliance table [--check]

  report   runs every test the validation packs (docs/compliance/part11.md, annex11.md) name,
           only those, and writes DIR/report.json, its detached CMS signature report.json.p7s
           and report.pdf (PAdES), both signed with the platform seal of DATA_DIR.
           --clause keeps the clauses whose name starts with C (repeatable); --docs reads
           part11.md and annex11.md from DIR instead of ROOT/docs/compliance.
           Exit 1 when a named test fails or does not exist.
  verify   checks the JSON's signature, the PDF's signatures and that the PDF renders that JSON,
           against the platform root of DATA_DIR or --trust; exit 1 when anything does not hold
  table    rewrites packages/server/src/cli/compliance/clauses.json (the clause table the
           compiled CLI ships) from the packs; --check exits 1 when it differs`,
  config: `Usage: signx config

Prints the configuration reference (every environment variable, its default and meaning)
as a markdown table; the README's table is this output.`,
};

/** True when the arguments ask for help instead of running the command. */
export function asksForHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
