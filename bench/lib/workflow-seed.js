// Bulk seed for the workflow benchmark's to-do figure: instances and tasks written straight
// into the server's SQLite file with better-sqlite3 (one transaction per 50,000 rows), as an
// installation that has run for years would hold them, without an API call per row.
import Database from 'better-sqlite3';

const seqId = (space, n) => `019b${space}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Writes `tasks` tasks over tasks / 10 instances of `definitionId`. `me` gets `myPending`
 * pending tasks (in running instances) and as many decided ones; the rest belong to 5,000
 * other users, a third of them pending. Answers the seconds it took.
 */
export function seedTasks(file, { definitionId, tasks, me, other, myPending }) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  const instances = Math.ceil(tasks / 10);
  const insertInstance = db.prepare(
    `insert into workflow_instances (id, definition_id, title, business_type, business_id, form_data,
       chosen_approvers, status, applicant_id, parent_token_id, last_urged_at, created_at, updated_at, finished_at)
     values (?, ?, ?, null, null, '{"amount":100}', '{}', ?, ?, null, null, ?, ?, null)`,
  );
  const insertTask = db.prepare(
    `insert into workflow_tasks (id, instance_id, token_id, node_id, kind, assignee_id, status, seq, counts,
       releases_task_id, comment, decided_by, decided_at, created_at)
     values (?, ?, ?, 'a1', 'approval', ?, ?, ?, 1, null, null, null, null, ?)`,
  );
  const base = Date.parse('2024-01-01T00:00:00Z');
  const at = (n) => new Date(base + n * 60_000).toISOString();
  // My tasks sit in instances spread evenly over the table, so none is at either end of an index.
  const stride = Math.max(1, Math.floor(instances / (myPending * 2)));
  const started = performance.now();
  const write = db.transaction((from, to) => {
    for (let i = from; i < to; i += 1) {
      const instanceNo = Math.floor(i / 10);
      const slot = i % 10;
      const instanceId = seqId('0001', instanceNo);
      const mine = slot === 0 && instanceNo % stride === 0 && instanceNo / stride < myPending * 2;
      const running = instanceNo % 3 !== 0 || mine;
      if (slot === 0)
        insertInstance.run(
          instanceId,
          definitionId,
          `Seeded ${instanceNo}`,
          running ? 'running' : 'approved',
          other(instanceNo % 5000),
          at(instanceNo),
          at(instanceNo),
        );
      const myOpen = mine && instanceNo / stride < myPending;
      const status = mine
        ? myOpen
          ? 'pending'
          : 'approved'
        : running && slot % 3 === 0
          ? 'pending'
          : 'approved';
      insertTask.run(
        seqId('0002', i),
        instanceId,
        seqId('0003', instanceNo),
        mine ? me : other((i * 7919) % 5000),
        status,
        slot,
        at(instanceNo),
      );
    }
  });
  for (let from = 0; from < tasks; from += 50_000) write.immediate(from, Math.min(tasks, from + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
  return (performance.now() - started) / 1000;
}

/** SQLite's plan for each statement (with its parameters), one line per plan step. */
export function plansOf(file, statements) {
  const db = new Database(file, { readonly: true });
  try {
    return statements.map(({ sql, parameters }) => ({
      sql,
      plan: db
        .prepare(`explain query plan ${sql}`)
        .all(...parameters)
        .map((row) => row.detail),
    }));
  } finally {
    db.close();
  }
}
