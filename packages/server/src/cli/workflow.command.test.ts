import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../test/cli-kit.js';
import { createContext } from '../platform/app-context.js';
import { run } from './workflow.command.js';

const { cli, config } = useCliDatabase(run, 'workflow');

async function stored() {
  const ctx = createContext(config());
  const definitions = await ctx.db
    .selectFrom('workflow_definitions')
    .select(['key', 'status', 'version'])
    .orderBy('key')
    .execute();
  const events = await ctx.db
    .selectFrom('audit_events')
    .select(['action', 'actor_name'])
    .where('action', 'like', 'workflow.%')
    .orderBy('seq')
    .execute();
  await ctx.database.destroy();
  return { definitions, events };
}

describe('signx workflow', () => {
  it('lists the shipped templates', async () => {
    const listed = await cli('templates');
    expect(listed.status).toBe(0);
    expect(listed.out).toMatch(/^three-level-acceptance\s/m);
    expect(listed.out).toMatch(/^contract-approval\s/m);
  });

  it('installs the named template once, published and audited with the shell user as actor', async () => {
    const first = await cli('install', 'contract-approval');
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/^contract-approval\s+installed\s+\S+/m);
    const afterFirst = await stored();
    expect(afterFirst.definitions).toEqual([{ key: 'contract-approval', status: 'published', version: 1 }]);
    expect(afterFirst.events.map((e) => e.action)).toEqual([
      'workflow.definition.created',
      'workflow.definition.published',
    ]);
    expect(afterFirst.events.every((e) => e.actor_name?.startsWith('cli:'))).toBe(true);

    const again = await cli('install', 'contract-approval');
    expect(again.out).toMatch(/^contract-approval\s+present\s+-/m);
    expect(await stored()).toEqual(afterFirst);
  });

  it('installs every template when none is named', async () => {
    expect((await cli('install')).status).toBe(0);
    const { definitions } = await stored();
    expect(definitions.length).toBeGreaterThanOrEqual(4);
    expect(definitions.every((d) => d.status === 'published')).toBe(true);
  });

  it('refuses an unknown key or command and writes nothing', async () => {
    const unknown = await cli('install', 'contract-approval', 'no-such-template');
    expect(unknown).toMatchObject({ status: 2, err: expect.stringContaining('no-such-template') });
    expect((await cli('frobnicate')).status).toBe(2);
    expect(await stored()).toEqual({ definitions: [], events: [] });
  });
});
