/**
 * What happens to the child's output bytes: the byte-exact log file, the tail kept for the
 * summary, and the completion-marker scanner. Memory stays bounded whatever the output size:
 * nothing here keeps more than a fixed window.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * CSI, OSC (BEL- or ST-terminated), charset designations, and the other two-byte escapes
 * (ESC 7 / ESC 8 save and restore the cursor, ESC = / ESC > keypad modes, ESC c reset...).
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b[0-?@-Z\\-_a-~]|\x9b[0-?]*[ -/]*[@-~]/g;
/** An escape sequence cut off at the end of a chunk: held back until the next one. */
// eslint-disable-next-line no-control-regex
const PARTIAL_ANSI = /\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|[()#])?$|\x1b\][^\x07]*\x1b$/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Matches the completion marker on the output with ANSI escapes removed, across chunk
 * boundaries: it keeps the last `window` characters of clean text and tests them with each new
 * chunk. A marker longer than the window is not supported (documented).
 */
export class MarkerScanner {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private clean = '';

  constructor(
    private readonly marker: RegExp,
    private readonly window = 4096,
  ) {}

  /** Returns true when the marker has been seen in the output so far. */
  push(chunk: Buffer): boolean {
    let text = this.carry + this.decoder.write(chunk);
    const partial = PARTIAL_ANSI.exec(text);
    if (partial && text.length - partial.index < 256) {
      this.carry = text.slice(partial.index);
      text = text.slice(0, partial.index);
    } else {
      this.carry = '';
    }
    const joined = this.clean + stripAnsi(text);
    this.marker.lastIndex = 0;
    if (this.marker.test(joined)) return true;
    this.clean = joined.length > this.window ? joined.slice(-this.window) : joined;
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
  bytes = 0;
  error: Error | undefined;
  private fd: number | undefined;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  static open(file: string): LogFile {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fd = fs.openSync(file, 'w', 0o600);
    fs.fchmodSync(fd, 0o600); // openSync keeps the mode of a file that already existed
    return new LogFile(file, fd);
  }

  /** Always true: the log never asks the session to pause. */
  write(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.error || this.fd === undefined) return true;
    try {
      for (let off = 0; off < chunk.length; ) off += fs.writeSync(this.fd, chunk, off, chunk.length - off);
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
