import { registerJobs } from '../app.js';
import { modules } from '../modules/index.js';
import {
  cancelQueuedJob,
  knownQueues,
  pauseQueue,
  retryJob,
} from '../modules/jobs-admin/jobs-admin.service.js';
import type { AppContext } from '../platform/app-context.js';
import { inTransaction } from '../platform/db/transaction.js';
import type { JobState } from '../platform/jobs/jobs.tables.js';
import {
  findJob,
  jobAttempts,
  jobsQuery,
  listQueues,
  listSchedules,
} from '../platform/jobs/jobs-admin.repository.js';
import { withAppContext } from './cli-context.js';
import { cliActor, parseOptions, table } from './cli-io.js';
import { commandHelp } from './command-help.js';
import type { CommandContext } from './commands.js';

/**
 * `signx jobs`: the operator's view of the job runtime from a shell, on the same database
 * the servers use. Changes are audited like the admin API's, with the OS user as actor.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { options, positional } = parseOptions(args);
  const [command, target] = positional;
  return withAppContext(
    config,
    io,
    async (ctx) => {
      registerJobs(ctx, modules);
      const output = await execute(ctx, command, target, options);
      if (output === null) {
        io.stderr(commandHelp.jobs ?? '');
        return 2;
      }
      io.stdout(output);
      return 0;
    },
    modules,
  );
}

async function execute(
  ctx: AppContext,
  command: string | undefined,
  target: string | undefined,
  options: Record<string, string | true>,
): Promise<string | null> {
  const actor = cliActor();
  switch (command) {
    case 'queues':
      return table(
        ['queue', 'paused', 'queued', 'running', 'dead', 'succeeded', 'oldest queued'],
        (await listQueues(ctx.db, knownQueues(ctx))).map((q) => [
          q.name,
          q.paused ? 'yes' : 'no',
          q.counts.queued,
          q.counts.running,
          q.counts.dead,
          q.counts.succeeded,
          q.oldestQueuedAt ?? '-',
        ]),
      );
    case 'list':
      return listJobs(ctx, options);
    case 'show':
      return target ? showJob(ctx, target) : null;
    case 'retry':
      if (!target) return null;
      await inTransaction(ctx.db, (trx) => retryJob(trx, ctx, actor, target));
      ctx.jobs.notify();
      return `job ${target} queued again`;
    case 'cancel':
      if (!target) return null;
      await inTransaction(ctx.db, (trx) => cancelQueuedJob(trx, ctx, actor, target));
      return `job ${target} cancelled`;
    case 'pause':
    case 'resume':
      if (!target) return null;
      await inTransaction(ctx.db, (trx) => pauseQueue(trx, ctx, actor, target, command === 'pause'));
      if (command === 'resume') ctx.jobs.notify();
      return `queue ${target} ${command === 'pause' ? 'paused' : 'resumed'}`;
    case 'schedules':
      return table(
        ['schedule', 'job', 'when', 'zone', 'paused', 'next fire'],
        (await listSchedules(ctx.db)).map((s) => [
          s.name,
          s.job_name,
          s.cron ?? `${s.kind} ${s.interval_ms} ms`,
          s.time_zone,
          s.paused ? 'yes' : 'no',
          s.next_fire_at ?? '-',
        ]),
      );
    default:
      return null;
  }
}

async function listJobs(ctx: AppContext, options: Record<string, string | true>): Promise<string> {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const limit = Math.min(500, Math.max(1, Number(text('limit') ?? 20) || 20));
  const rows = await jobsQuery(ctx.db, {
    queue: text('queue'),
    state: text('state') as JobState | undefined,
    name: text('name'),
  })
    .orderBy('enqueued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return table(
    ['id', 'name', 'queue', 'state', 'attempts', 'run at', 'last error'],
    rows.map((r) => [
      r.id,
      r.name,
      r.queue,
      r.state,
      `${r.attempts}/${r.max_attempts}`,
      r.run_at,
      (r.last_error ?? '').slice(0, 60),
    ]),
  );
}

async function showJob(ctx: AppContext, id: string): Promise<string> {
  const job = await findJob(ctx.db, id);
  if (!job) return `no job ${id}`;
  const lines = Object.entries(job).map(([k, v]) => `${k.padEnd(18)} ${v ?? '-'}`);
  const attempts = await jobAttempts(ctx.db, id);
  if (attempts.length > 0)
    lines.push(
      '',
      table(
        ['attempt', 'outcome', 'finished', 'error'],
        attempts.map((a) => [a.attempt, a.outcome, a.finished_at, a.error.slice(0, 80)]),
      ),
    );
  return lines.join('\n');
}
