/**
 * What happens to the child's output bytes: the byte-exact log file, the tail kept for the
 * summary, and the completion-marker scanner. Memory stays bounded whatever the output size:
 * nothing here keeps more than a fixed window.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { RE2JS } from 're2js';
import stripAnsiText from 'strip-ansi';

/** The completion marker, compiled for a linear-time engine: the agent's text can never make it backtrack. */
export type Marker = RE2JS;

/**
 * Compiles a marker with `^` and `$` at line boundaries. RE2 syntax (no lookaround, no
 * backreferences): a pattern it cannot compile throws, with RE2's reason. re2js is loaded only
 * here, when a marker is set: it is most of the bundle, and every start would pay for it.
 */
export async function compileMarker(pattern: string): Promise<Marker> {
  const { RE2JS: Engine } = await import('re2js');
  return Engine.compile(pattern, Engine.MULTILINE);
}

export function stripAnsi(text: string): string {
  return stripAnsiText(text);
}

/**
 * An escape sequence cut off at the end of a chunk (ESC alone, an unfinished CSI, OSC or
 * control string, or the ESC of its ST): held back until the next chunk completes it. The
 * shapes are those strip-ansi removes once complete.
 */
// eslint-disable-next-line no-control-regex
const PARTIAL_ANSI = /(?:\x1b(?:\[[0-?]*[ -/]*|[ -/]+|[\]PX^_k][^\x07\x18\x1a\x1b\x80-\x9f]*\x1b?)?|\x9b[0-?]*[ -/]*)$/;
/** Longer than this, a "partial escape" is output, not an escape: stop holding it back. */
const PARTIAL_MAX = 256;
/** Cursor moves that start another row on a terminal: a TUI's line break. */
// eslint-disable-next-line no-control-regex
const ROW_MOVE = /(?:\x1b\[|\x9b)[0-9;]*[HfdEF]/g;
/**
 * Stands where a line goes on (after the unfinished last line) or was cut (before a line cut by
 * the window): not a newline, so `^` and `$` do not match there, and a match that takes it in
 * does not count. ASCII: re2js slows down a hundredfold on some non-ASCII input.
 */
const EDGE = '\u0000';
/** How many later starts to try when a match on the unfinished line runs into its end. */
const UNFINISHED_TRIES = 8;

/**
 * Matches the completion marker on the output with ANSI escapes removed, line by line: `^`
 * and `$` match at line boundaries (a line ends at \n, \r, or a cursor move to another row),
 * so `^DONE$` is a line holding only DONE, and a match lies within one line. Each line is tested
 * once complete; the last, unfinished line is tested as it grows, but `$` does not match at its
 * end until the line ends. Only that unfinished line is kept between chunks, at most `window`
 * characters of it: a longer line is tested on its end, and `^` does not match where it was cut.
 */
export class MarkerScanner {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  /** The unfinished last line (clean text). */
  private line = '';
  /** True when `line` lost its start to the window. */
  private cut = false;

  constructor(
    private readonly marker: Marker,
    private readonly window = 4096,
  ) {}

  /** Returns true when the marker has been seen in the output so far. */
  push(chunk: Buffer): boolean {
    let text = this.carry + this.decoder.write(chunk);
    this.carry = '';
    const escapes = text.includes('\x1b') || text.includes('\x9b');
    if (escapes) {
      // Only the end can hold a cut escape: look there, not at every position of a large chunk.
      const from = Math.max(0, text.length - PARTIAL_MAX);
      const partial = PARTIAL_ANSI.exec(text.slice(from));
      if (partial) {
        this.carry = text.slice(from + partial.index);
        text = text.slice(0, from + partial.index);
      }
      text = stripAnsi(text.replace(ROW_MOVE, '\n'));
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const joined = this.line + text;
    const lead = this.cut ? EDGE : '';
    const lastNl = joined.lastIndexOf('\n');
    // Complete lines: the end of the text is the end of the last one.
    if (lastNl >= 0 && this.matches(lead + joined.slice(0, lastNl), lead.length, lead.length + lastNl, 2)) return true;
    // The unfinished line: the text goes on after it, so EDGE stands there.
    const unfinished = joined.slice(lastNl + 1);
    const head = lastNl >= 0 ? '' : lead;
    if (unfinished !== '' && this.matches(`${head}${unfinished}${EDGE}`, head.length, head.length + unfinished.length, UNFINISHED_TRIES)) return true;
    if (lastNl >= 0) this.cut = false;
    if (unfinished.length > this.window) this.cut = true;
    this.line = unfinished.length > this.window ? unfinished.slice(-this.window) : unfinished;
    return false;
  }

  /** A match inside subject[from, end), trying at most `tries` starts (EDGE lies outside). */
  private matches(subject: string, from: number, end: number, tries: number): boolean {
    const m = this.marker.matcher(subject);
    for (let at = 0, i = 0; i < tries && at <= subject.length && m.find(at); i++, at = m.start() + 1) {
      if (m.start() >= from && m.end() <= end) return true;
    }
    return false;
  }
}

/** The last `limit` bytes of output, for the summary's log tail. */
export class Tail {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit = 64 * 1024) {}

  push(chunk: Buffer): void {
    if (chunk.length >= this.limit) {
      this.chunks = [chunk.subarray(chunk.length - this.limit)];
      this.size = this.limit;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.limit) {
      this.size -= (this.chunks.shift() as Buffer).length;
    }
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks);
    return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
  }
}

/**
 * The byte-exact log: created with mode 0600 (it holds whatever the agent printed), written in
 * arrival order. Writes are synchronous: to the page cache they cost microseconds, and a
 * WriteStream's thread-pool round trip per chunk halved the throughput (docs/benchmarks.md).
 * A write error (disk full) must not crash or stall the run: the log stops taking bytes, the
 * session goes on, and the report says so.
 */
export class LogFile {
  /** Bytes received from the child. */
  bytes = 0;
  /** Bytes that reached the file: fewer than `bytes` once a write failed. */
  written = 0;
  error: Error | undefined;
  private fd: number | undefined;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /**
   * Opens the log without following a symbolic link at its path (a link's target would be
   * truncated and made 0600), and only if it is a regular file: O_NONBLOCK keeps a FIFO from
   * blocking the open, and the file is truncated only once fstat says it is a regular file.
   */
  static open(file: string): LogFile {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { O_WRONLY, O_CREAT, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
    let fd: number;
    try {
      fd = fs.openSync(file, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o600);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') throw new LogPathError(file, code === 'ELOOP' ? 'a symbolic link' : 'not a regular file');
      throw e;
    }
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) throw new LogPathError(file, 'not a regular file');
      if (stat.nlink > 1) throw new LogPathError(file, `a file with ${stat.nlink} hard links`);
      fs.ftruncateSync(fd, 0);
      fs.fchmodSync(fd, 0o600); // open keeps the mode of a file that already existed
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
    return new LogFile(file, fd);
  }

  /** Always true: the log never asks the session to pause. */
  write(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.error || this.fd === undefined) return true;
    try {
      for (let off = 0; off < chunk.length;) {
        const n = fs.writeSync(this.fd, chunk, off, chunk.length - off);
        off += n;
        this.written += n;
      }
    } catch (e) {
      this.error = e as Error;
    }
    return true;
  }

  close(): Promise<void> {
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // Already reported as a write error, or nothing left to lose.
      }
      this.fd = undefined;
    }
    return Promise.resolve();
  }
}

/** The log path holds something the action must not replace (a symbolic link, a FIFO, a directory). */
export class LogPathError extends Error {
  constructor(
    readonly file: string,
    what: string,
  ) {
    super(`Input 'log-file' has an invalid value ${JSON.stringify(file)}: it is ${what}, not a regular file the action may replace`);
  }
}
