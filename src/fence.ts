/**
 * The job log, with the child's output fenced off from the runner's command parser.
 *
 * The runner reads workflow commands on the action's stdout and stderr: `::name k=v::data`
 * after leading whitespace, and the legacy `##[name]data` anywhere in a line. It stops
 * honouring both between `::stop-commands::TOKEN` and `::TOKEN::`. The child's stdout and
 * stderr both go to our stdout, inside the fence: the runner handles a batch's stderr lines
 * before its stdout lines, so a fence on stdout would not cover stderr. The token is fresh and
 * random per run, so the child cannot print the resume line.
 */
import { randomBytes } from 'node:crypto';

export interface LiveOutput {
  write(chunk: Buffer | string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export class JobLog {
  private atLineStart = true;
  private fenced = false;
  readonly token: string;

  constructor(
    private readonly out: LiveOutput,
    private readonly fence: boolean,
  ) {
    // 24 hex characters from node:crypto; the runner compares tokens case-insensitively.
    this.token = randomBytes(12).toString('hex');
  }

  /** Stop the runner from honouring commands, before the child's first byte. */
  open(): void {
    if (!this.fence || this.fenced) return;
    this.line(`::stop-commands::${this.token}`);
    this.fenced = true;
  }

  /** Resume commands, before the action writes its own. */
  close(): void {
    if (!this.fenced) return;
    this.line(`::${this.token}::`);
    this.fenced = false;
  }

  /** Child output, as it comes. Returns false when the caller should wait for 'drain'. */
  write(chunk: Buffer): boolean {
    if (chunk.length === 0) return true;
    this.atLineStart = chunk[chunk.length - 1] === 0x0a;
    return this.out.write(chunk);
  }

  /** A line of our own (progress notes), always on a line of its own. */
  line(text: string): void {
    this.out.write(`${this.atLineStart ? '' : '\n'}${text}\n`);
    this.atLineStart = true;
  }

  once(event: 'drain', listener: () => void): void {
    this.out.once(event, listener);
  }
}
