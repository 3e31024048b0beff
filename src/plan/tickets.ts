/**
 * Ticket files as pi-ticketflow keeps them: Markdown with a YAML front matter (`id`, `status`,
 * `deps`, `priority`, `tags`). A file without front matter is not a ticket; a front matter that
 * does not parse, or does not hold a ticket, is a problem named by file, and the plan goes on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrontMatter } from './front-matter.js';
import { TICKET_PATTERN } from '../constants.js';
import { DEFAULT_PRIORITY, TICKET_SUFFIX } from './constants.js';

export interface Ticket {
  readonly id: string;
  /** The file it came from (absolute). */
  readonly file: string;
  /** '' when the front matter has none: such a ticket is never ready. */
  readonly status: string;
  readonly deps: readonly string[];
  /** Lower runs first. */
  readonly priority: number;
  readonly tags: readonly string[];
}

export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

export interface TicketSet {
  /** Unique ids, in file-name order. */
  readonly tickets: readonly Ticket[];
  readonly problems: readonly FileProblem[];
}

// Opening `---` on the first line, closing `---` (or YAML's `...`) on a line of its own.
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** The front matter's text; undefined when the file has none (not a ticket), null when it is never closed. */
export function frontMatterOf(text: string): string | null | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/^---[ \t]*\r?\n/.test(body)) return undefined;
  const match = FRONT_MATTER.exec(body);
  // An opening line with no closing one: meant as a ticket, and broken.
  return match && match.index === 0 ? match[1] : null;
}

type Parsed = { ticket: Ticket } | { problem: string } | { skip: true };

/** One file's text to a ticket, a problem, or nothing (no front matter). */
export function parseTicket(file: string, text: string): Parsed {
  const front = frontMatterOf(text);
  if (front === undefined) return { skip: true };
  if (front === null) return { problem: 'the front matter has no closing --- line' };
  let data: unknown;
  try {
    data = parseFrontMatter(front);
  } catch (e) {
    return { problem: `the front matter does not parse: ${firstLine((e as Error).message)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: 'the front matter is not a mapping of fields' };
  const fields = data as Record<string, unknown>;

  const id = fields.id === undefined || fields.id === null ? path.basename(file, TICKET_SUFFIX) : scalarText(fields.id);
  if (id === undefined || !TICKET_PATTERN.test(id)) return { problem: `id ${JSON.stringify(fields.id ?? id)} is not a ticket id (${TICKET_PATTERN.source})` };

  const status = fields.status === undefined || fields.status === null ? '' : scalarText(fields.status);
  if (status === undefined) return { problem: 'status is not a single value' };

  const deps = listOf(fields.deps);
  if (deps === undefined) return { problem: 'deps is not a list of ticket ids' };
  const tags = listOf(fields.tags);
  if (tags === undefined) return { problem: 'tags is not a list' };

  let priority = DEFAULT_PRIORITY;
  if (fields.priority !== undefined && fields.priority !== null) {
    priority = typeof fields.priority === 'string' && fields.priority.trim() !== '' ? Number(fields.priority) : (fields.priority as number);
    if (typeof priority !== 'number' || !Number.isFinite(priority)) return { problem: `priority ${JSON.stringify(fields.priority)} is not a number` };
  }
  return { ticket: { id, file, status, deps, priority, tags } };
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0];
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A flow or block list of scalars; a single scalar is a list of one; absent is empty. */
function listOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text === undefined) return undefined;
    if (text !== '') out.push(text);
  }
  return out;
}

const HEAD_BYTES = 64 * 1024;
const OPENING = Buffer.from('---');

/**
 * The start of a ticket file, up to the end of its front matter's closing line: a ticket's body
 * is never read (reading and decoding whole files was most of a 10,000-ticket plan). Falls back
 * to the whole file when the front matter does not end within the first 64 KiB.
 */
function readHead(file: string, buffer: Buffer): string {
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bom = n >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  // No opening line: not a ticket, whatever follows.
  if (n < bom + 3 || buffer.compare(OPENING, 0, 3, bom, bom + 3) !== 0) return buffer.toString('utf8', 0, Math.min(n, bom + 4));
  // A closing line starts after a newline with --- or ...: cut at the end of the first such line
  // that frontMatterOf accepts; if none does, the whole file decides.
  for (let at = buffer.indexOf(0x0a, bom); at >= 0 && at < n; at = buffer.indexOf(0x0a, at + 1)) {
    const c = buffer[at + 1];
    if ((c !== 0x2d && c !== 0x2e) || at + 4 > n) continue;
    const eol = buffer.indexOf(0x0a, at + 1);
    const end = eol < 0 || eol >= n ? n : eol + 1;
    const text = buffer.toString('utf8', 0, end);
    if (typeof frontMatterOf(text) === 'string') return text;
  }
  return n < buffer.length ? buffer.toString('utf8', 0, n) : fs.readFileSync(file, 'utf8');
}

/** Every `*.md` directly in `dir`, in file-name order; a second file with an id already seen is a problem. */
export function readTickets(dir: string): TicketSet {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(TICKET_SUFFIX))
    .map((e) => e.name)
    .sort(compareText);
  const tickets: Ticket[] = [];
  const problems: FileProblem[] = [];
  const seen = new Map<string, string>();
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  for (const name of names) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readHead(file, buffer);
    } catch (e) {
      problems.push({ file, message: `${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const parsed = parseTicket(file, text);
    if ('skip' in parsed) continue;
    if ('problem' in parsed) {
      problems.push({ file, message: `${name} is left out of the plan: ${parsed.problem}` });
      continue;
    }
    const first = seen.get(parsed.ticket.id);
    if (first !== undefined) {
      problems.push({ file, message: `${name} is left out of the plan: its id ${parsed.ticket.id} is already the id of ${first}` });
      continue;
    }
    seen.set(parsed.ticket.id, name);
    tickets.push(parsed.ticket);
  }
  return { tickets, problems };
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
