import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JobLog } from '../src/fence.js';
import { compileMarker, LogFile, LogPathError, MarkerScanner, stripAnsi, Tail } from '../src/output.js';
import { MemoryOutput, tempDir } from './support/harness.js';

const MARKER = '<promise>COMPLETE</promise>';

/** Feeds chunks in order; returns the index of the first chunk after which the marker is seen, or -1. */
async function seenAt(marker: string, chunks: (string | Buffer)[]): Promise<number> {
  const scanner = new MarkerScanner(await compileMarker(marker));
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    if (scanner.push(Buffer.isBuffer(c) ? c : Buffer.from(c))) return i;
  }
  return -1;
}

describe('MarkerScanner', () => {
  it('finds the marker in one chunk', async () => {
    expect(await seenAt(MARKER, ['working...\n', 'done <promise>COMPLETE</promise>\n'])).toBe(1);
  });

  it('finds a marker split across two chunks, and not before the second', async () => {
    expect(await seenAt(MARKER, ['output <prom', 'ise>COMPLETE</promise>\n'])).toBe(1);
  });

  it('finds a marker split byte by byte', async () => {
    const bytes = Buffer.from('a <promise>COMPLETE</promise> b');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(await seenAt(MARKER, chunks)).toBe(bytes.indexOf('</promise>') + '</promise>'.length - 1);
  });

  it('finds a marker wrapped in colour codes', async () => {
    expect(await seenAt(MARKER, ['\x1b[32m<promise>COMPLETE\x1b[0m</promise>\n'])).toBe(0);
    expect(await seenAt(MARKER, ['\x1b[1;32m<promise>\x1b[39mCOMPLETE\x1b[0m</prom\x1b[0mise>\x1b[0m'])).toBe(0);
  });

  it('finds a marker when an escape sequence is itself split across chunks', async () => {
    expect(await seenAt(MARKER, ['\x1b[3', '2m<promise>COMPLETE\x1b', '[0m</promise>\n'])).toBe(2);
    expect(await seenAt(MARKER, ['<promise>COMPLETE\x1b[', '0', 'm</promise>'])).toBe(2);
    // An OSC (window title) cut in its middle.
    expect(await seenAt(MARKER, ['<promise>COMP\x1b]0;ti', 'tle\x07LETE</promise>'])).toBe(1);
  });

  it('finds a marker with a multibyte UTF-8 character split across chunks', async () => {
    const text = Buffer.from('✅ tâche terminée ✅');
    const check = Buffer.from('✅');
    const cut = text.indexOf(check, 1) + 1; // inside the second ✅
    expect(await seenAt('terminée ✅', [text.subarray(0, 5), text.subarray(5, cut), text.subarray(cut)])).toBe(2);
    const e = Buffer.from('terminée');
    const mid = e.indexOf(0xc3) + 1; // between the two bytes of é
    expect(await seenAt('terminée', [e.subarray(0, mid), e.subarray(mid)])).toBe(1);
  });

  it('does not match when the marker is absent', async () => {
    expect(await seenAt(MARKER, ['<promise>', 'INCOMPLETE', '</promise>', '<promise>COMPLE', '\n', 'TE</promise>'])).toBe(-1);
    expect(await seenAt(MARKER, [])).toBe(-1);
  });

  it('finds a marker after a lot of output (bounded window)', async () => {
    const noise = Array.from({ length: 200 }, () => Buffer.from(`${randomBytes(512).toString('hex')}\n`));
    expect(await seenAt(MARKER, [...noise, '<promise>COMP', 'LETE</promise>'])).toBe(noise.length + 1);
  });

  it('is not confused by one scanner after another on the same compiled marker', async () => {
    const marker = await compileMarker('DONE');
    expect(new MarkerScanner(marker).push(Buffer.from('DONE'))).toBe(true);
    const scanner = new MarkerScanner(marker);
    expect(scanner.push(Buffer.from('DO'))).toBe(false);
    expect(scanner.push(Buffer.from('NE'))).toBe(true);
  });
});

describe('MarkerScanner, line by line', () => {
  it('^DONE$ matches a line holding only DONE, wherever it comes in the output', async () => {
    expect(await seenAt('^DONE$', ['working\n', 'DONE\n'])).toBe(1);
    expect(await seenAt('^DONE$', ['working\nDO', 'NE\nmore'])).toBe(1);
    expect(await seenAt('^DONE$', ['not DONE\n', 'DONE yet\n', 'DONE!\n'])).toBe(-1);
  });

  it('DONE$ on the unfinished last line waits for the line to end', async () => {
    expect(await seenAt('DONE$', ['DONE', '!\n', 'all DONE', '\n'])).toBe(3);
    expect(await seenAt('DONE$', ['DONE', 'XYZ\r\n'])).toBe(-1);
  });

  it('a marker without anchors is seen on the unfinished line as it grows (a TUI idling after it)', async () => {
    expect(await seenAt(MARKER, ['> <promise>COMPLETE</promise>'])).toBe(0);
  });

  it('\\r and cursor moves to another row end a line (a TUI draws rows that way)', async () => {
    expect(await seenAt('^DONE$', ['50%\rDONE\r'])).toBe(0);
    expect(await seenAt('^DONE$', ['\x1b[5;1Hworking\x1b[6;1HDONE\x1b[7;1H'])).toBe(0);
    expect(await seenAt('^DONE$', ['\x1b[1;32mDO\x1b[0mNE\x1b[0m\n'])).toBe(0);
  });

  it('^ does not match where the window cut a long line', async () => {
    const long = 'x'.repeat(5000);
    // The line is "xxx…DONE": it does not start with DONE, even once the window has cut it.
    expect(await seenAt('^DONE', [long, 'DONE', '\n'])).toBe(-1);
    expect(await seenAt('^DONE', [long, '\nDONE'])).toBe(1);
  });

  it('a pattern that backtracks exponentially in a backtracking engine returns at once', async () => {
    const scanner = new MarkerScanner(await compileMarker('^(a|aa)+$'));
    const started = performance.now();
    expect(scanner.push(Buffer.from(`${'a'.repeat(5000)}!\n`))).toBe(false);
    expect(scanner.push(Buffer.from(`${'a'.repeat(40)}\n`))).toBe(true);
    // Linear: milliseconds for 5,000 characters (a backtracking engine needs longer than the test timeout for 45).
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('stripAnsi', () => {
  it.each([
    ['\x1b[32mgreen\x1b[0m', 'green'],
    ['\x1b[1;31;4mbold\x1b[m', 'bold'],
    ['a\x1b[2Kb\x1b[1Gc', 'abc'],
    ['\x1b[?25l\x1b[?2004hx\x1b[?25h', 'x'],
    ['\x1b]0;window title\x07text', 'text'],
    ['\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['\x1b(Bplain', 'plain'],
    ['\x9b31mc1\x9b0m', 'c1'],
    ['no escapes at all', 'no escapes at all'],
  ])('%j → %j', (text, clean) => {
    expect(stripAnsi(text)).toBe(clean);
  });

  it.each([
    ['\x1b7saved\x1b8', 'saved'], // DECSC / DECRC: save and restore the cursor (TUIs, progress bars)
    ['\x1b=keypad\x1b>', 'keypad'], // DECKPAM / DECKPNM: keypad modes (full-screen programs)
  ])('removes private two-character escapes: %j → %j', (text, clean) => {
    expect(stripAnsi(text)).toBe(clean);
  });
});

describe('Tail', () => {
  it('keeps exactly the last N bytes across many pushes', () => {
    const limit = 1000;
    const tail = new Tail(limit);
    const all: Buffer[] = [];
    for (let i = 0; i < 500; i++) {
      const chunk = randomBytes(1 + ((i * 37) % 97));
      all.push(chunk);
      tail.push(chunk);
      const whole = Buffer.concat(all);
      expect(tail.bytes().equals(whole.subarray(Math.max(0, whole.length - limit)))).toBe(true);
    }
  });

  it('keeps the last N bytes of one huge push, and goes on from there', () => {
    const limit = 4096;
    const tail = new Tail(limit);
    tail.push(Buffer.from('before'));
    const huge = randomBytes(1024 * 1024);
    tail.push(huge);
    expect(tail.bytes().equals(huge.subarray(huge.length - limit))).toBe(true);
    tail.push(Buffer.from('after'));
    expect(tail.bytes().equals(Buffer.concat([huge, Buffer.from('after')]).subarray(-limit))).toBe(true);
  });

  it('a push of exactly N bytes, and fewer bytes than N in all', () => {
    const tail = new Tail(8);
    tail.push(Buffer.from('abc'));
    expect(tail.bytes().toString()).toBe('abc');
    tail.push(Buffer.from('12345678'));
    expect(tail.bytes().toString()).toBe('12345678');
    tail.push(Buffer.from('9'));
    expect(tail.bytes().toString()).toBe('23456789');
  });
});

describe('JobLog', () => {
  const tokenOf = (text: string) => /^::stop-commands::(.+)$/m.exec(text)?.[1];

  it('opens with ::stop-commands::<token> and closes with ::<token>::, each on its own line', () => {
    const out = new MemoryOutput();
    const log = new JobLog(out, true);
    log.open();
    log.write(Buffer.from('::set-output name=x::y\nsecond line\n'));
    log.close();
    const text = out.text();
    const token = tokenOf(text);
    expect(token).toBeDefined();
    expect((token as string).length).toBeGreaterThanOrEqual(16);
    expect(text).toBe(`::stop-commands::${token}\n::set-output name=x::y\nsecond line\n::${token}::\n`);
  });

  it('uses a fresh token per instance', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const out = new MemoryOutput();
      new JobLog(out, true).open();
      tokens.add(tokenOf(out.text()) as string);
    }
    expect(tokens.size).toBe(20);
  });

  it('puts the resume line on its own line when the output ended mid-line', () => {
    const out = new MemoryOutput();
    const log = new JobLog(out, true);
    log.open();
    log.write(Buffer.from('progress 50%'));
    log.close();
    const lines = out.text().split('\n');
    expect(lines).toContain('progress 50%');
    expect(lines).toContain(`::${log.token}::`);
    expect(out.text().endsWith(`progress 50%\n::${log.token}::\n`)).toBe(true);
  });

  it('notes of its own start on a new line too', () => {
    const out = new MemoryOutput();
    const log = new JobLog(out, false);
    log.write(Buffer.from('half'));
    log.line('[ralph-dispatch] note');
    log.write(Buffer.from('whole\n'));
    log.line('[ralph-dispatch] again');
    expect(out.text()).toBe('half\n[ralph-dispatch] note\nwhole\n[ralph-dispatch] again\n');
  });

  it('writes no fence when fence is false', () => {
    const out = new MemoryOutput();
    const log = new JobLog(out, false);
    log.open();
    log.write(Buffer.from('::warning::shown and honoured\n'));
    log.close();
    expect(out.text()).toBe('::warning::shown and honoured\n');
  });

  it('passes bytes through unchanged', () => {
    const out = new MemoryOutput();
    const log = new JobLog(out, true);
    const bytes = randomBytes(4096);
    log.write(bytes);
    expect(Buffer.concat(out.chunks).equals(bytes)).toBe(true);
  });
});

describe('LogFile', () => {
  const dir = tempDir('rd-logfile-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const mode = (file: string) => fs.statSync(file).mode & 0o777;
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

  async function writeAll(file: string, chunks: Buffer[]): Promise<LogFile> {
    const log = LogFile.open(file);
    for (const c of chunks) log.write(c);
    await log.close();
    return log;
  }

  it('creates the file (and its folder) private, and keeps the bytes exact', async () => {
    const file = path.join(dir, 'new', 'deeper', 'run.log');
    const chunks = [all, Buffer.from('\r\n\x1b[31mred\x1b[0m'), Buffer.from([0xff, 0xfe, 0x00, 0xe2, 0x9c]), randomBytes(200_000)];
    const log = await writeAll(file, chunks);
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(fs.readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
    expect(log.bytes).toBe(Buffer.concat(chunks).length);
    expect(log.error).toBeUndefined();
  });

  it('refuses a symbolic link at its path, leaving the target as it was', () => {
    const target = path.join(dir, 'target.txt');
    fs.writeFileSync(target, 'precious\n', { mode: 0o644 });
    fs.chmodSync(target, 0o644);
    const link = path.join(dir, 'link.log');
    fs.symlinkSync(target, link);
    expect(() => LogFile.open(link)).toThrow(LogPathError);
    expect(() => LogFile.open(link)).toThrow(/'log-file'.*symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious\n');
    expect(mode(target)).toBe(0o644);
  });

  it('refuses a FIFO without blocking on it, and a directory', () => {
    const fifo = path.join(dir, 'fifo.log');
    execFileSync('mkfifo', [fifo]);
    expect(() => LogFile.open(fifo)).toThrow(/'log-file'.*not a regular file/);
    const sub = path.join(dir, 'sub.log');
    fs.mkdirSync(sub);
    expect(() => LogFile.open(sub)).toThrow(/'log-file'.*not a regular file/);
  });

  it('counts the bytes received and the bytes written apart', async () => {
    const file = path.join(dir, 'counted.log');
    const log = await writeAll(file, [Buffer.from('abc'), Buffer.from('defg')]);
    expect({ bytes: log.bytes, written: log.written }).toEqual({ bytes: 7, written: 7 });
  });

  it('makes an existing 0644 file private and replaces its content', async () => {
    const file = path.join(dir, 'existing.log');
    fs.writeFileSync(file, 'old content that is longer than the new one\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(mode(file)).toBe(0o644);
    await writeAll(file, [Buffer.from('new\n')]);
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });
});
