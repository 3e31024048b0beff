/**
 * The log: byte-exact log file and live output, bounded memory for huge output, the log file's
 * place and mode, and the log tail in the job summary (escaped, ANSI removed).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULTS } from '../src/inputs.js';
import { shellQuote } from '../src/session.js';
import { DIST_MAIN, ROOT, runAction, runSession, startAction, tempDir, type InputMap } from './support/harness.js';
import { runnerCommands } from './support/runner-commands.js';

const MiB = 1024 * 1024;
const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Random bytes that surely hold NUL, CR, LF, ESC and invalid UTF-8. */
function nastyBytes(size: number): Buffer {
  const data = randomBytes(size);
  for (const byte of [0x00, 0x0d, 0x0a, 0x1b, 0xff, 0xc3]) expect(data.includes(byte)).toBe(true);
  expect(Buffer.from(data.toString('utf8'), 'utf8').equals(data)).toBe(false);
  return data;
}

function writeTemp(name: string, data: Buffer | string): string {
  const dir = tempDir('rd-log-');
  cleanup.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/**
 * True when `merged` is `a` and `b` cut into runs and interleaved, each in its own order (how
 * two pipes read in chunks come out). Depth-first over run boundaries: with random data a
 * wrong split dies within a byte or two.
 */
function isInterleaving(merged: Buffer, a: Buffer, b: Buffer): boolean {
  if (merged.length !== a.length + b.length) return false;
  const failed = new Set<number>();
  const common = (src: Buffer, from: number, at: number) => {
    let n = 0;
    while (from + n < src.length && src[from + n] === merged[at + n]) n++;
    return n;
  };
  const walk = (i: number, j: number): boolean => {
    if (i === a.length && j === b.length) return true;
    const key = i * (b.length + 1) + j;
    if (failed.has(key)) return false;
    const la = common(a, i, i + j);
    const lb = common(b, j, i + j);
    const tries: Array<[number, number, number]> = [];
    for (let n = la; n >= Math.max(1, la - 16); n--) tries.push([n, i + n, j]);
    for (let n = lb; n >= Math.max(1, lb - 16); n--) tries.push([n, i, j + n]);
    tries.sort((x, y) => y[0] - x[0]);
    for (const [, ni, nj] of tries) if (walk(ni, nj)) return true;
    failed.add(key);
    return false;
  };
  return walk(0, 0);
}

/** The <pre> block of the summary's log tail, HTML entities decoded, as lines. */
function summaryTail(summary: string): string[] {
  const open = summary.indexOf('<pre>');
  const close = summary.indexOf('</pre>');
  expect(open).toBeGreaterThanOrEqual(0);
  expect(close).toBeGreaterThan(open);
  const html = summary.slice(open + '<pre>'.length, close);
  // Escaped: nothing in the block can open or close an element.
  expect(html).not.toMatch(/[<>]/);
  const text = html.replace(/&#(\d+);|&#x([0-9a-f]+);|&(lt|gt|amp|quot|apos);/gi, (_, dec, hex, named) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[(named as string).toLowerCase()] as string;
  });
  return text.split('\n');
}

describe('byte-exact log and live output', () => {
  it('1 MiB of random bytes (NUL, CR, ESC, invalid UTF-8): log file and live output equal them', async () => {
    const data = nastyBytes(MiB);
    const file = writeTemp('random.bin', data);
    const { result, log, live } = await runSession({ command: `cat ${shellQuote(file)}` });
    cleanup.push(path.dirname(result.logFile));
    expect(result.status).toBe('completed');
    expect(result.logBytes).toBe(data.length);
    expect(sha256(log)).toBe(sha256(data));
    expect(sha256(Buffer.concat(live.chunks))).toBe(sha256(data));
  });

  it("stdout and stderr at once, through the built action: every byte of both in the log, in each stream's order, and in the job log", async () => {
    const out = nastyBytes(MiB);
    const err = nastyBytes(MiB);
    const outFile = writeTemp('out.bin', out);
    const errFile = writeTemp('err.bin', err);
    const action = startAction({ ticket: 'pt-mix', command: `cat ${shellQuote(outFile)} & cat ${shellQuote(errFile)} >&2; wait` });
    cleanup.push(action.dir);
    const raw: Buffer[] = [];
    action.child.stdout?.on('data', (c: Buffer) => raw.push(c));
    const run = await action.done;
    expect(run.outputs.status).toBe('completed');
    const log = fs.readFileSync(run.outputs['log-file']);
    expect(log.length).toBe(out.length + err.length);
    expect(isInterleaving(log, out, err)).toBe(true);
    // The job log carries the same bytes, in the same order, inside the fence.
    const stdout = Buffer.concat(raw);
    const at = stdout.indexOf(log);
    expect(at).toBeGreaterThan(0);
    expect(stdout.subarray(0, at).toString('utf8')).toMatch(/^::stop-commands::\S+\n/);
    expect(stdout.subarray(at + log.length).toString('utf8')).toMatch(/^\n?::[0-9a-z]+::\n/i);
  });

  it('1 MiB of random bytes through the built action: the job log carries them verbatim', async () => {
    const data = nastyBytes(MiB);
    const file = writeTemp('random.bin', data);
    const action = startAction({ ticket: 'pt-raw', command: `cat ${shellQuote(file)}` });
    cleanup.push(action.dir);
    const raw: Buffer[] = [];
    action.child.stdout?.on('data', (c: Buffer) => raw.push(c));
    const run = await action.done;
    expect(run.outputs.status).toBe('completed');
    expect(sha256(fs.readFileSync(run.outputs['log-file']))).toBe(sha256(data));
    expect(Buffer.concat(raw).indexOf(data)).toBeGreaterThan(0);
  });
});

/** The action's environment as startAction builds it, for a run whose stdout we read ourselves. */
function actionEnv(dir: string, inputs: InputMap): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RUNNER_TEMP: dir, GITHUB_WORKSPACE: ROOT };
  for (const [name, file] of Object.entries({ GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' })) {
    env[name] = path.join(dir, file);
    fs.writeFileSync(env[name] as string, '');
  }
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...inputs })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

describe('huge output', () => {
  const TIME = '/usr/bin/time';

  it('250 MiB without a newline: byte-exact log, job log drained, peak RSS bounded', async () => {
    expect(fs.existsSync(TIME)).toBe(true); // GNU time (apt-get install time)
    const size = 250 * MiB;
    const dir = tempDir('rd-big-');
    cleanup.push(dir);
    const env = actionEnv(dir, { ticket: 'pt-big', command: `head -c ${size} /dev/zero | tr '\\0' x` });
    const rssFile = path.join(dir, 'rss');
    const child = spawn(TIME, ['-f', '%M', '-o', rssFile, process.execPath, DIST_MAIN], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // The job log reader: discards, keeping only the byte count and the longest run of 'x'.
    const xs = Buffer.alloc(MiB, 'x');
    let stdoutBytes = 0;
    let run = 0;
    let longest = 0;
    child.stdout.on('data', (c: Buffer) => {
      stdoutBytes += c.length;
      if (c.length <= xs.length && c.equals(xs.subarray(0, c.length))) {
        run += c.length;
      } else {
        for (const byte of c) {
          if (byte === 0x78) run++;
          else {
            longest = Math.max(longest, run);
            run = 0;
          }
        }
      }
      longest = Math.max(longest, run);
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });

    const outputs = fs.readFileSync(env.GITHUB_OUTPUT as string, 'utf8');
    const logFile = path.join(dir, 'ralph-dispatch', 'pt-big.log');
    expect(outputs).toContain(logFile);
    expect(fs.statSync(logFile).size).toBe(size);
    const expected = createHash('sha256');
    for (let n = 0; n < size / MiB; n++) expected.update(xs);
    const actual = createHash('sha256');
    for await (const chunk of fs.createReadStream(logFile, { highWaterMark: 4 * MiB })) actual.update(chunk as Buffer);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));
    expect(longest).toBe(size);
    expect(stdoutBytes).toBeGreaterThan(size);

    const rssMiB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    expect(rssMiB).toBeGreaterThan(10); // a real measurement
    expect(rssMiB).toBeLessThan(150);
  });
});

describe('log file', () => {
  it('defaults to $RUNNER_TEMP/ralph-dispatch/<ticket>.log, / replaced, mode 0600, named by the log-file output', async () => {
    const run = await runAction({ ticket: 'team/pt-9', command: 'echo hello' });
    cleanup.push(run.dir);
    const expected = path.join(run.dir, 'ralph-dispatch', 'team_pt-9.log');
    expect(run.outputs['log-file']).toBe(expected);
    expect(fs.statSync(expected).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(expected, 'utf8')).toBe('hello\n');
    // Next to it, named alike: the result and report files (README, "Outputs").
    expect(fs.readdirSync(path.join(run.dir, 'ralph-dispatch')).sort()).toEqual(['team_pt-9.log', 'team_pt-9.report.md', 'team_pt-9.result.json']);
  });

  it('a symbolic link at the log path: an input error naming log-file, the target untouched, nothing started', async () => {
    const target = writeTemp('target.txt', 'precious\n');
    fs.chmodSync(target, 0o644);
    const link = path.join(path.dirname(target), 'session.log');
    fs.symlinkSync(target, link);
    const started = path.join(path.dirname(target), 'started');
    const run = await runAction({ ticket: 'pt-link', command: `touch ${shellQuote(started)}`, 'log-file': link });
    cleanup.push(run.dir);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs['log-file']).toBe('');
    expect(run.stdout).toMatch(/::error[^\n]*'log-file'[^\n]*symbolic link/);
    expect(fs.existsSync(started)).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o644);
  });

  it('an existing log file is truncated and made 0600', async () => {
    const file = writeTemp('given.log', 'old content that is longer than the new\n');
    fs.chmodSync(file, 0o644);
    const run = await runAction({ ticket: 'pt-10', command: 'echo new', 'log-file': file });
    expect(run.outputs['log-file']).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });
});

describe('log file that cannot be written', () => {
  it('(file size limit, as a full disk): the session is not stalled, and the failure is reported', async () => {
    const dir = tempDir('rd-full-');
    cleanup.push(dir);
    // 4 MB of output against a 1 MiB file size limit (RLIMIT_FSIZE: EFBIG, like ENOSPC).
    const env = actionEnv(dir, {
      ticket: 'pt-full',
      command: `head -c 4000000 /dev/zero | tr '\\0' x; echo; echo done`,
      timeout: '10s',
      'eof-grace': '1s',
      'term-grace': '1s',
    });
    const started = performance.now();
    const child = spawn('bash', ['-c', 'ulimit -f 1024 && exec "$0" "$@"', process.execPath, DIST_MAIN], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.resume();
    await new Promise((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    const stdout = Buffer.concat(out).toString('utf8');
    const logFile = path.join(dir, 'ralph-dispatch', 'pt-full.log');
    expect(fs.statSync(logFile).size).toBeLessThanOrEqual(MiB); // the limit did bite
    const status = /^status<<(.+)\n(.*)\n\1$/m.exec(fs.readFileSync(env.GITHUB_OUTPUT as string, 'utf8'))?.[2];
    const annotations = runnerCommands(stdout)
      .commands.filter((c) => c.kind === 'command' && (c.name === 'warning' || c.name === 'error'))
      .map((c) => `${c.name}: ${c.data}`);
    // The job log still gets everything, the session ends by itself, and an annotation names the log.
    expect({
      jobLogComplete: stdout.includes('\ndone\n'),
      status,
      stalled: seconds >= 8,
      reported: annotations.some((a) => a.includes(logFile)),
      annotations,
    }).toEqual({ jobLogComplete: true, status: 'completed', stalled: false, reported: true, annotations: expect.anything() });
    // The summary gives both sizes: what the session printed, and what reached the log.
    const summary = fs.readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8');
    const written = fs.statSync(logFile).size;
    expect(summary).toContain(`4000006 bytes received, ${written} written to the log before it stopped`);
  });
});

describe('log tail in the job summary', () => {
  it('HTML printed by the child is escaped, never raw', async () => {
    const lines = ['<script>alert(1)</script>', '</pre></details><img src=x onerror=alert(1)>', 'a & b "c" \'d\''];
    const file = writeTemp('html.txt', `${lines.join('\n')}\n`);
    const run = await runAction({ ticket: 'pt-html', command: `cat ${shellQuote(file)}` });
    cleanup.push(run.dir);
    expect(run.outputs.status).toBe('completed');
    expect(run.summary).not.toMatch(/<script|<img/i);
    expect(run.summary.match(/<pre>/g)).toHaveLength(1);
    expect(run.summary.match(/<\/pre>/g)).toHaveLength(1);
    expect(summaryTail(run.summary)).toEqual(lines);
  });

  it('NUL and other control bytes printed by the child are shown as \\xNN, never raw', async () => {
    const file = writeTemp('controls.bin', Buffer.from('nul[\x00] bel[\x07] ff[\x0c] del[\x7f] c1[\xc2\x85]\n', 'latin1'));
    const run = await runAction({ ticket: 'pt-ctl', command: `cat ${shellQuote(file)}` });
    cleanup.push(run.dir);
    expect(run.outputs.status).toBe('completed');
    // eslint-disable-next-line no-control-regex
    expect(run.summary).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(run.summary).toContain('nul[\\x00] bel[\\x07] ff[\\x0c] del[\\x7f] c1[\\x85]');
  });

  /** 120 lines, line-001 … line-120, each wrapped in escape sequences by `wrap`. */
  async function tailOf(wrap: (text: string, i: number) => string): Promise<{ tail: string[]; expected: string[]; summary: string }> {
    const expected = Array.from({ length: 120 }, (_, i) => `line-${String(i + 1).padStart(3, '0')}`);
    const file = writeTemp('ansi.txt', expected.map((l, i) => `${wrap(l, i)}\n`).join(''));
    const run = await runAction({ ticket: 'pt-ansi', command: `cat ${shellQuote(file)}` });
    cleanup.push(run.dir);
    expect(run.outputs.status).toBe('completed');
    return { tail: summaryTail(run.summary), expected, summary: run.summary };
  }

  function expectLastLines(tail: string[], expected: string[], summary: string): void {
    expect(summary).not.toContain('\x1b');
    expect(tail.length).toBeGreaterThanOrEqual(40);
    expect(tail.length).toBeLessThanOrEqual(60);
    expect(tail).toEqual(expected.slice(-tail.length));
  }

  it('the last ~50 lines, colours and other CSI / OSC / charset sequences removed', async () => {
    const { tail, expected, summary } = await tailOf((text, i) => {
      const parts = [
        `\x1b[1;3${i % 8}m${text}\x1b[0m`,
        `\x1b[?25l\x1b[2K${text}\x1b[?25h`,
        `\x1b]0;title ${i}\x07${text}`,
        `\x1b]8;;https://example.com\x1b\\${text}\x1b]8;;\x1b\\`,
        `\x1b(B\x1b[38;5;208m${text}\x1b[m`,
      ];
      return parts[i % parts.length];
    });
    expectLastLines(tail, expected, summary);
  });

  it('cursor save/restore and keypad mode escapes (as full-screen programs print under stdin: tty) are removed too', async () => {
    const { tail, expected, summary } = await tailOf((text, i) => {
      const parts = [`\x1b7\x1b[1;1H${text}\x1b8`, `\x1b=${text}\x1b>`];
      return parts[i % parts.length];
    });
    expectLastLines(tail, expected, summary);
  });
});
