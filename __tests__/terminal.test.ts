/**
 * The pseudo-terminal pieces on their own: the status wrapper (tty-status.ts, built from src/
 * as the harness builds it, run by node against real processes and signals), the script(1)
 * command line, and reading the recorded status back.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTerminalExit, readTerminalLeader, SCRIPT_SHELL, shellQuote, terminalCommand } from '../src/terminal.js';
import { shellStatus } from '../src/tty-status.js';
import { tempDir, ttyWrapper } from './support/harness.js';

function wrapped(...program: string[]): { code: number | null; signal: NodeJS.Signals | null; status: unknown; leader: unknown } {
  const dir = tempDir('rd-tty-status-');
  const statusFile = path.join(dir, 'status.json');
  const leaderFile = path.join(dir, 'leader.json');
  const r = spawnSync(process.execPath, [ttyWrapper(), statusFile, leaderFile, ...program], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, signal: r.signal, status: JSON.parse(fs.readFileSync(statusFile, 'utf8')), leader: readTerminalLeader(leaderFile) };
}

describe('the status wrapper (tty-status.ts)', () => {
  it('an exit code: recorded, and exited with', () => {
    expect(wrapped('sh', '-c', 'exit 3')).toMatchObject({ code: 3, signal: null, status: { code: 3, signal: null } });
  });

  it('records its own pid and start before the program runs: the program reads them as its parent', () => {
    const dir = tempDir('rd-tty-status-');
    const leaderFile = path.join(dir, 'leader.json');
    // The program sees the file already written, and its parent is the pid in it, with that start.
    const probe = `cat ${shellQuote(leaderFile)}; echo; echo "$PPID"; cut -d' ' -f22 /proc/$PPID/stat`;
    const r = spawnSync(process.execPath, [ttyWrapper(), path.join(dir, 'status.json'), leaderFile, 'sh', '-c', probe], { encoding: 'utf8', timeout: 20_000 });
    const [recorded, ppid, start] = r.stdout.trim().split('\n');
    expect(JSON.parse(recorded)).toEqual({ pid: Number(ppid), start: Number(start) });
    expect(readTerminalLeader(leaderFile)).toEqual({ pid: Number(ppid), start: Number(start) });
  });

  it('reading the leader back: nothing before it is written, or from a file cut short', () => {
    const dir = tempDir('rd-tty-status-');
    const leaderFile = path.join(dir, 'leader.json');
    expect(readTerminalLeader(leaderFile)).toBeUndefined();
    fs.writeFileSync(leaderFile, '');
    expect(readTerminalLeader(leaderFile)).toBeUndefined();
    fs.writeFileSync(leaderFile, '{"pid":0,"start":5}');
    expect(readTerminalLeader(leaderFile)).toBeUndefined();
    fs.writeFileSync(leaderFile, '{"pid":42,"start":null}');
    expect(readTerminalLeader(leaderFile)).toEqual({ pid: 42, start: NaN });
  });

  it('a death by signal: recorded as the signal, exited with 128+N as a shell would', () => {
    expect(wrapped('sh', '-c', 'kill -TERM $$')).toMatchObject({ code: 143, signal: null, status: { code: null, signal: 'SIGTERM' } });
    expect(wrapped('sh', '-c', 'kill -KILL $$')).toMatchObject({ code: 137, signal: null, status: { code: null, signal: 'SIGKILL' } });
  });

  it('a program that cannot start: the error is recorded, exit 127', () => {
    const r = wrapped('/nonexistent/ralph-dispatch-program');
    expect(r.code).toBe(127);
    expect(r.status).toMatchObject({ code: null, signal: null, error: expect.stringContaining('ENOENT') });
  });

  it('outlives a SIGTERM sent to it, and records how its child ended', async () => {
    const dir = tempDir('rd-tty-status-');
    const statusFile = path.join(dir, 'status.json');
    const ready = path.join(dir, 'ready');
    // The child ignores nothing: our SIGTERM goes to the wrapper only, then the child exits 5.
    const child = spawn(
      process.execPath,
      [ttyWrapper(), statusFile, path.join(dir, 'leader.json'), 'sh', '-c', `touch ${shellQuote(ready)}; sleep 0.5; exit 5`],
      { stdio: 'ignore' },
    );
    while (!fs.existsSync(ready)) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect({ code, signal }).toEqual({ code: 5, signal: null });
    expect(JSON.parse(fs.readFileSync(statusFile, 'utf8'))).toEqual({ code: 5, signal: null });
  });

  it('the shell status of each kind of end', () => {
    expect(shellStatus({ code: 0, signal: null })).toBe(0);
    expect(shellStatus({ code: null, signal: 'SIGINT' })).toBe(130);
    expect(shellStatus({ code: null, signal: null, error: 'spawn ENOENT' })).toBe(127);
  });
});

describe('the script(1) command line', () => {
  const spec = {
    tty: { kind: 'util-linux', file: '/usr/bin/script' } as const,
    program: { file: '/bin/bash', args: ['--noprofile', '/tmp/x/ticket.sh'] },
    statusFile: '/tmp/x/status.json',
    leaderFile: '/tmp/x/leader.json',
    wrapper: '/opt/action/dist/tty-status/index.js',
    nodePath: '/usr/bin/node',
  };

  it('util-linux: script -qefc, run by /bin/sh whatever SHELL is, which the program gets back', () => {
    const cmd = terminalCommand({ ...spec, env: { SHELL: "/bin/fa'lse", PATH: '/bin' } });
    expect(cmd.file).toBe('/usr/bin/script');
    expect(cmd.args[0]).toBe('-qefc');
    expect(cmd.args[2]).toBe('/dev/null');
    expect(cmd.env).toEqual({ SHELL: SCRIPT_SHELL, PATH: '/bin' });
    expect(cmd.args[1]).toContain(
      `SHELL='/bin/fa'\\''lse'; export SHELL; exec '/usr/bin/node' '/opt/action/dist/tty-status/index.js' '/tmp/x/status.json' '/tmp/x/leader.json' '/bin/bash' '--noprofile' '/tmp/x/ticket.sh'`,
    );
  });

  it('no SHELL: script gets /bin/sh, the program none', () => {
    const cmd = terminalCommand({ ...spec, env: { PATH: '/bin' } });
    expect(cmd.env.SHELL).toBe(SCRIPT_SHELL);
    expect(cmd.args[1]).toContain('unset SHELL; exec ');
  });

  it('BSD script: /bin/sh -c named on the command line', () => {
    const cmd = terminalCommand({ ...spec, tty: { kind: 'bsd', file: '/usr/bin/script' }, env: {} });
    expect(cmd.args.slice(0, 4)).toEqual(['-q', '/dev/null', SCRIPT_SHELL, '-c']);
  });

  it('the inner command runs under /bin/sh as script would run it', () => {
    const dir = tempDir('rd-tty-cmd-');
    const statusFile = path.join(dir, 'status.json');
    const cmd = terminalCommand({
      tty: { kind: 'util-linux', file: 'script' },
      program: { file: 'sh', args: ['-c', 'echo "SHELL=$SHELL"; exit 4'] },
      statusFile,
      leaderFile: path.join(dir, 'leader.json'),
      wrapper: ttyWrapper(),
      env: { ...process.env, SHELL: '/bin/false' },
    });
    const r = spawnSync(cmd.env.SHELL as string, ['-c', cmd.args[1]], { env: cmd.env, encoding: 'utf8' });
    expect(r.stdout).toBe('SHELL=/bin/false\n');
    expect(r.status).toBe(4);
    expect(JSON.parse(fs.readFileSync(statusFile, 'utf8'))).toEqual({ code: 4, signal: null });
  });
});

describe('reading the terminal status back', () => {
  const none = () => false;

  it("the recorded status wins over script's exit code", () => {
    const file = path.join(tempDir('rd-tty-read-'), 'status.json');
    fs.writeFileSync(file, JSON.stringify({ code: null, signal: 'SIGTERM' }));
    expect(readTerminalExit(file, 143, null, none)).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('without a record, 128+N is signal N only when that signal was sent', () => {
    const missing = path.join(tempDir('rd-tty-read-'), 'none.json');
    expect(readTerminalExit(missing, 143, null, none)).toEqual({ code: 143, signal: null });
    expect(readTerminalExit(missing, 143, null, (s) => s === 'SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readTerminalExit(missing, null, 'SIGKILL', none)).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
