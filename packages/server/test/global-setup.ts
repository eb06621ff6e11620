import pg from 'pg';

/**
 * PostgreSQL test schemas (t_…) are dropped before and after the whole run, never while
 * test files run: dropping a schema while another file's migrator reads the catalogs makes
 * that read fail ("schema … does not exist").
 */
async function dropTestSchemas(): Promise<void> {
  if (process.env.SIGNX_TEST_DIALECT !== 'postgres') return;
  const client = new pg.Client({
    connectionString: process.env.SIGNX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname ~ '^t_[0-9a-f]{12}$'",
    );
    for (const { name } of rows) await client.query(`drop schema if exists ${name} cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
