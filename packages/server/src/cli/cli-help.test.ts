import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-main.js';
import { commandHelp } from './command-help.js';
import { commands } from './commands.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const shim = fileURLToPath(new URL('../../bin/signx.js', import.meta.url));

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('signx help', () => {
  it('--help, -h and help list every command and how to get a command’s options', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const { code, stdout } = await cli(argv);
      expect(code).toBe(0);
      for (const name of Object.keys(commands)) expect(stdout).toContain(`  ${name} `);
      expect(stdout).toContain('signx <command> --help');
    }
  });

  it('every command has its own help, reached as <command> --help, -h and help <command>', async () => {
    expect(Object.keys(commandHelp).sort()).toEqual(Object.keys(commands).sort());
    for (const name of Object.keys(commands)) {
      for (const argv of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
      ]) {
        const { code, stdout } = await cli(argv);
        expect(code, argv.join(' ')).toBe(0);
        expect(stdout).toMatch(/^Usage/);
        expect(stdout).toContain(`signx ${name}`);
      }
    }
    // Help of a sub-command's options, not only the command list.
    expect((await cli(['pdf', 'sign', '--help'])).stdout).toContain('--level L');
    expect((await cli(['audit', '--help'])).stdout).toContain('verify-bundle <file> [--key-id ID]');
  });

  it('an unknown command or help topic exits 2 and shows the command list', async () => {
    for (const argv of [['frobnicate'], ['help', 'frobnicate']]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Unknown command "frobnicate"');
      expect(stdout).toContain('Usage: signx <command>');
    }
  });
});

describe('the documented ways to run the CLI on a fresh clone', () => {
  // Help needs no configuration: an invalid PORT does not stop it.
  const env = { ...process.env, PORT: 'not-a-port' };

  it('the bin shim (npx signx) runs, compiled or from source', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [shim, 'serve', '--help'], { env });
    expect(stdout).toContain('Usage: signx serve [--port N] [--workers N]');
  });

  it('npm run signx -- <command> runs from source', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'signx', '--', 'jobs', '--help'],
      {
        cwd: repoRoot,
        env,
      },
    );
    expect(stdout).toContain('Usage: signx jobs <command>');
  });
});
