/**
 * The fleet's result files, as actions/download-artifact leaves them (`pattern:` with
 * `merge-multiple: true` puts every job's files in one folder; without it, a folder per
 * artifact): every `*.json` below the folder, read and checked against the result schema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATUSES, type Status } from '../constants.js';
import { RESULT_SCHEMA, RESULT_SUFFIX } from './constants.js';

/** What the summary shows of one run. */
export interface RunRecord {
  readonly file: string;
  /** '' for a run without a ticket. */
  readonly ticket: string;
  readonly status: Status;
  readonly termination: string | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly durationMs: number | null;
  readonly orphansKilled: number | null;
  readonly markerSeen: boolean | null;
  readonly runUrl: string | null;
}

export interface InvalidFile {
  readonly file: string;
  readonly why: string;
}

export interface ResultSet {
  readonly records: readonly RunRecord[];
  readonly invalid: readonly InvalidFile[];
  /** False when the folder does not exist (no job uploaded anything). */
  readonly found: boolean;
}

/** Every `*.json` below `dir`, sorted; symbolic links are not followed (an artifact holds none). */
export function findResultFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const e of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith(RESULT_SUFFIX)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

type Checked = { record: RunRecord } | { why: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One file's text checked against `ralph-dispatch/result@1`: only what the summary relies on must hold. */
export function checkResult(file: string, text: string): Checked {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { why: `not JSON (${(e as Error).message})` };
  }
  if (!isObject(data)) return { why: 'not a JSON object' };
  if (data.schema !== RESULT_SCHEMA) return { why: `schema is ${JSON.stringify(data.schema)}, not ${JSON.stringify(RESULT_SCHEMA)}` };
  const status = data.status;
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status))
    return { why: `status ${JSON.stringify(status)} is not one of ${STATUSES.join(', ')}` };
  const wrong: string[] = [];
  const typed = <T>(name: string, type: 'string' | 'number' | 'boolean'): T | null => {
    const v = data[name];
    if (v === null || v === undefined) return null;
    if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) {
      wrong.push(`${name} is not a ${type}`);
      return null;
    }
    return v as T;
  };
  const record: RunRecord = {
    file,
    ticket: typed<string>('ticket', 'string') ?? '',
    status: status as Status,
    termination: typed<string>('termination', 'string'),
    exitCode: typed<number>('exit-code', 'number'),
    signal: typed<string>('signal', 'string'),
    durationMs: typed<number>('duration-ms', 'number'),
    orphansKilled: typed<number>('orphans-killed', 'number'),
    markerSeen: typed<boolean>('marker-seen', 'boolean'),
    runUrl: typed<string>('run-url', 'string'),
  };
  if (wrong.length > 0) return { why: wrong.join('; ') };
  return { record };
}

export function readResults(dir: string): ResultSet {
  if (!fs.existsSync(dir)) return { records: [], invalid: [], found: false };
  const records: RunRecord[] = [];
  const invalid: InvalidFile[] = [];
  for (const file of findResultFiles(dir)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      invalid.push({ file, why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const checked = checkResult(file, text);
    if ('why' in checked) invalid.push({ file, why: checked.why });
    else records.push(checked.record);
  }
  return { records, invalid, found: true };
}
