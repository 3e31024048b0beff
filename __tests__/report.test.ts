import { describe, expect, it } from '@jest/globals';
import { STATUSES, type Status } from '../src/constants.js';
import type { ProcInfo } from '../src/reaper.js';
import { buildAnnotations, buildOutputs, buildSummary, describeSequence, type ReportContext } from '../src/report.js';
import type { RunResult, TimelineEvent } from '../src/session.js';
import { sampleResult } from './support/results.js';

const ctx: ReportContext = {
  ticket: 'pt-7jzy',
  timeoutMs: 45 * 60_000,
  idleTimeoutMs: 5 * 60_000,
  completionGraceMs: 30_000,
};

const result = sampleResult;

const proc = (pid: number, command: string): ProcInfo => ({ pid, ppid: 1, state: 'S', command });

/** A timed-out session that needed the whole sequence: EOF at 45m, SIGTERM +10s, SIGKILL +15s. */
const timedOutTimeline: TimelineEvent[] = [
  { kind: 'spawned', at: 0, detail: 'pid 100' },
  { kind: 'first-output', at: 120 },
  { kind: 'timeout', at: 2_700_000 },
  { kind: 'eof', at: 2_700_000 },
  { kind: 'sigterm', at: 2_710_000, detail: 'to 3 processes' },
  { kind: 'sigkill', at: 2_715_000, detail: 'to 2 processes' },
  { kind: 'exit', at: 2_715_004, detail: 'SIGKILL' },
  { kind: 'last-process-gone', at: 2_715_050 },
];

const byStatus: Record<Status, RunResult> = {
  completed: result(),
  failed: result({
    status: 'failed',
    exitCode: 3,
    timeline: [
      { kind: 'spawned', at: 0 },
      { kind: 'exit', at: 900, detail: 'code 3' },
    ],
  }),
  timeout: result({
    status: 'timeout',
    exitCode: null,
    signal: 'SIGKILL',
    termination: 'sigkill',
    durationMs: 2_715_050,
    reason: 'timeout',
    timeline: timedOutTimeline,
    orphans: [proc(4242, 'sleep 300'), proc(4243, 'node tool.js --watch')],
  }),
  terminated: result({ status: 'terminated', exitCode: null, signal: 'SIGKILL', durationMs: 5000 }),
  cancelled: result({
    status: 'cancelled',
    exitCode: null,
    signal: 'SIGTERM',
    termination: 'sigterm',
    reason: 'cancel',
    timeline: [
      { kind: 'spawned', at: 0 },
      { kind: 'cancel', at: 60_000 },
      { kind: 'eof', at: 60_000 },
      { kind: 'sigterm', at: 61_000 },
      { kind: 'exit', at: 61_010, detail: 'SIGTERM' },
    ],
  }),
  error: result({
    status: 'error',
    exitCode: null,
    termination: null,
    durationMs: 0,
    timeline: [],
    logFile: '',
    logBytes: 0,
    tail: Buffer.alloc(0),
    childPid: undefined,
    error: 'Input \'timeout\' has an invalid value "abc"',
  }),
};

/** The rows of Markdown tables in `md`, as arrays of cells (between unescaped pipes). */
function rows(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
}

describe('buildSummary', () => {
  it.each(STATUSES)('%s: heading with ticket and status, and every output in the table', (status) => {
    const r = byStatus[status];
    const md = buildSummary(r, ctx);
    const heading = md.split('\n')[0];
    expect(heading).toMatch(/^## /);
    expect(heading).toContain('pt-7jzy');
    expect(heading).toMatch(new RegExp(`\\b${status}$`));

    const table = new Map(rows(md).map((cells) => [cells[0], cells]));
    const expected: Record<string, string> = {
      status,
      'exit-code': r.exitCode === null ? '' : String(r.exitCode),
      signal: r.signal ?? '',
      termination: r.termination ?? '',
      'duration-ms': String(r.durationMs),
      'orphans-killed': String(r.orphans.length),
      'marker-seen': String(r.markerSeen),
      'log-file': r.logFile,
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(table.get(`\`${name}\``)).toEqual([`\`${name}\``, value]);
    }
  });

  it('lists each step of the sequence with its offset, and the orphans', () => {
    const md = buildSummary(byStatus.timeout, ctx);
    const table = rows(md);
    const at = (label: RegExp) => table.find((cells) => label.test(cells[1]))?.[0];
    expect(at(/^timeout reached/)).toBe('+45m');
    expect(at(/^EOF sent/)).toBe('+45m');
    expect(at(/^SIGTERM sent/)).toBe('+45m10s');
    expect(at(/^SIGKILL sent/)).toBe('+45m15s');
    expect(md).toMatch(/### Orphans killed \(2\)/);
    expect(table).toContainEqual(['4242', 'sleep 300']);
    expect(table).toContainEqual(['4243', 'node tool.js --watch']);
  });

  it('puts the log tail in a collapsed block, ANSI removed and HTML escaped', () => {
    const tail = Buffer.from('\x1b[31mred\x1b[0m text\n<script>alert("x")</script>\nA & B\n');
    const md = buildSummary(result({ tail, logBytes: 5000 }), ctx);
    const block = /<details>([\s\S]*)<\/details>/.exec(md)?.[1];
    expect(block).toBeDefined();
    expect(md).not.toMatch(/<details open/);
    expect(block).toContain('<summary>');
    expect(block).toContain('red text');
    expect(md).not.toContain('\x1b');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('</script>');
    expect(block).toMatch(/&(#60|lt);script&(#62|gt);/);
    expect(block).toMatch(/A &(#38|amp); B/);
  });

  it('has no log block when nothing was logged', () => {
    expect(buildSummary(byStatus.error, ctx)).not.toContain('<details>');
  });

  it('stays under 1 MiB with a 64 KiB tail of one giant line and 5000 orphans', () => {
    const giant = '<'.repeat(64 * 1024 - 1) + '\n';
    const many = Array.from({ length: 5000 }, (_, i) => proc(10_000 + i, `tool --arg ${'é|<'.repeat(300)} ${i}`));
    const md = buildSummary(
      result({
        ...byStatus.timeout,
        tail: Buffer.from(giant),
        logBytes: 10 * 1024 * 1024,
        orphans: many,
        survivors: many,
        faults: many.map((p) => ({ ...p, code: 'EPERM' })),
      }),
      ctx,
    );
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('### Orphans killed (5000)');
    expect(md).toContain('<details>');
  });

  it('neutralises | and newlines in table cells', () => {
    const r = result({
      logFile: '/tmp/a|b\nc.log',
      orphans: [proc(77, 'sh -c "a | b\nc\r\nd"')],
      timeline: [{ kind: 'spawned', at: 0, detail: 'x|y\nz' }],
    });
    const md = buildSummary(r, ctx);
    const lines = md.split('\n');
    const orphanRow = lines.find((l) => l.startsWith('| 77 |'));
    expect(orphanRow).toBeDefined();
    expect(orphanRow?.split('|')).toHaveLength(4);
    expect(orphanRow).toContain('a &#124; b c d');
    const logRow = lines.find((l) => l.startsWith('| `log-file` |'));
    expect(logRow?.split('|')).toHaveLength(4);
    expect(logRow).toContain('/tmp/a&#124;b c.log');
    const spawnRow = lines.find((l) => l.includes('session started'));
    expect(spawnRow?.split('|')).toHaveLength(4);
    // Every table row has as many cells as its header.
    for (const l of lines.filter((x) => x.startsWith('|'))) expect(l.endsWith('|')).toBe(true);
  });
});

describe('the summary never carries raw control characters, and gives both log sizes', () => {
  it('NUL, BEL, ESC, DEL and C1 in the tail, an orphan command and an error are shown as \\xNN', () => {
    const md = buildSummary(
      result({
        status: 'error',
        error: 'bad\u0000thing',
        tail: Buffer.from('a\u0000b\u0007c\u001bd\u007fe\u0085f\n'),
        logBytes: 13,
        orphans: [proc(7, 'evil\u0000name\u0008')],
      }),
      ctx,
    );
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(md).toContain('a\\x00b\\x07c\\x1bd\\x7fe\\x85f');
    expect(md).toContain('evil\\x00name\\x08');
    expect(md).toContain('bad\\x00thing');
  });

  it('after a write error: bytes received and bytes written', () => {
    const md = buildSummary(result({ logBytes: 4_000_000, logWritten: 1_048_576, logError: 'EFBIG: file too large, write' }), ctx);
    expect(md).toContain('4000000 bytes received, 1048576 written to the log before it stopped: EFBIG: file too large, write');
  });

  it('without one: one size', () => {
    expect(buildSummary(result({ logBytes: 12, logWritten: 12 }), ctx)).toContain('(/tmp/ralph-dispatch/pt-7jzy.log, 12 bytes)');
  });
});

describe('describeSequence', () => {
  it('names the steps sent, timed from the first', () => {
    expect(describeSequence(byStatus.timeout)).toMatch(/^EOF, SIGTERM at \+10s, SIGKILL at \+15s(;|$)/);
  });

  it('starts at SIGTERM with a closed stdin', () => {
    const r = result({
      termination: 'sigkill',
      timeline: [
        { kind: 'timeout', at: 1000 },
        { kind: 'sigterm', at: 1000 },
        { kind: 'sigkill', at: 6000 },
      ],
    });
    expect(describeSequence(r)).toBe('SIGTERM, SIGKILL at +5s; ended by SIGKILL');
  });

  it('ends with the step that ended the session (termination), not with how the child exited', () => {
    const r = result({
      exitCode: null,
      signal: 'SIGTERM',
      termination: 'sigkill',
      timeline: [
        { kind: 'eof', at: 1000 },
        { kind: 'sigterm', at: 2000 },
        { kind: 'exit', at: 2001, detail: 'SIGTERM' },
        { kind: 'sigkill', at: 3000 },
      ],
    });
    expect(describeSequence(r)).toBe('EOF, SIGTERM at +1s, SIGKILL at +2s; ended by SIGKILL');
  });

  it('says which steps went to orphans once the session had ended', () => {
    const r = result({
      termination: 'sigterm',
      timeline: [
        { kind: 'sigterm', at: 1000 },
        { kind: 'exit', at: 1002 },
        { kind: 'sigkill', at: 6000 },
      ],
    });
    expect(describeSequence(r)).toBe('SIGTERM; ended by SIGTERM; SIGKILL at +5s to orphans');
    const natural = result({
      termination: 'natural',
      timeline: [
        { kind: 'exit', at: 900 },
        { kind: 'sigterm', at: 1000 },
        { kind: 'sigkill', at: 6000 },
      ],
    });
    expect(describeSequence(natural)).toBe('ended by itself; SIGTERM, SIGKILL at +5s to orphans');
  });

  it('is empty when nothing was sent', () => {
    expect(describeSequence(byStatus.completed)).toBe('');
  });
});

describe('buildAnnotations', () => {
  it('warns when a completed session needed SIGKILL to close, not when EOF sufficed', () => {
    const forced = result({
      markerSeen: true,
      exitCode: null,
      signal: 'SIGKILL',
      termination: 'sigkill',
      timeline: [
        { kind: 'spawned', at: 0 },
        { kind: 'marker', at: 1000 },
        { kind: 'completion-grace-over', at: 31_000 },
        { kind: 'eof', at: 31_000 },
        { kind: 'sigterm', at: 41_000 },
        { kind: 'sigkill', at: 46_000 },
        { kind: 'exit', at: 46_002, detail: 'SIGKILL' },
      ],
    });
    const warnings = buildAnnotations(forced, ctx).filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].title).toBe('ralph-dispatch: pt-7jzy: forced close-out');
    expect(warnings[0].message).toMatch(/took SIGKILL .*EOF, SIGTERM at \+10s, SIGKILL at \+15s; ended by SIGKILL/);
    const byEof = result({ markerSeen: true, termination: 'eof' });
    expect(buildAnnotations(byEof, ctx).filter((a) => a.level === 'warning')).toEqual([]);
  });

  it.each(STATUSES)('%s: one outcome annotation titled with the ticket', (status) => {
    const list = buildAnnotations({ ...byStatus[status], orphans: [] }, ctx);
    expect(list).toHaveLength(1);
    expect(list[0].level).toBe(status === 'completed' ? 'notice' : 'error');
    expect(list[0].title).toContain('pt-7jzy');
    expect(list[0].message.length).toBeGreaterThan(0);
  });

  it('a timeout says how long and what was sent when', () => {
    const [outcome] = buildAnnotations(byStatus.timeout, ctx);
    expect(outcome.message).toContain('pt-7jzy');
    expect(outcome.message).toContain('timed out after 45m');
    expect(outcome.message).toContain('EOF, SIGTERM at +10s, SIGKILL at +15s');
    expect(outcome.message).toContain('SIGKILL');
  });

  it('50 orphans: at most 3 annotations, each under 4096 chars; the warning names the first few and counts the rest', () => {
    const orphans = Array.from({ length: 50 }, (_, i) => proc(5000 + i, `worker-${i} ${'x'.repeat(5000)}`));
    const faults = orphans.map((p) => ({ pid: p.pid, command: p.command, code: 'EPERM' }));
    const list = buildAnnotations({ ...byStatus.timeout, orphans, survivors: orphans, faults, error: 'e'.repeat(100_000) }, ctx);
    expect(list.length).toBeLessThanOrEqual(3);
    for (const a of list) {
      expect(a.message.length).toBeLessThan(4096);
      expect(a.title.length).toBeLessThan(4096);
    }
    const warning = list.find((a) => a.level === 'warning' && /orphan/i.test(`${a.title} ${a.message}`));
    expect(warning).toBeDefined();
    const text = warning?.message ?? '';
    expect(text).toContain('50');
    const named = orphans.filter((p) => text.includes(`${p.pid} worker-${p.pid - 5000} `)).length;
    expect(named).toBeGreaterThanOrEqual(3);
    // The named ones are the first ones.
    for (const p of orphans.slice(0, named)) expect(text).toContain(`${p.pid} worker-${p.pid - 5000}`);
    expect(text).toContain(`${50 - named} more`);
  });

  it('a huge error message is capped', () => {
    const [outcome] = buildAnnotations({ ...byStatus.error, error: 'e'.repeat(100_000) }, ctx);
    expect(outcome.message.length).toBeLessThan(4096);
  });
});

describe('buildOutputs', () => {
  it('gives every output as a string', () => {
    expect(buildOutputs(byStatus.timeout)).toEqual({
      status: 'timeout',
      'exit-code': '',
      signal: 'SIGKILL',
      termination: 'sigkill',
      'duration-ms': '2715050',
      'orphans-killed': '2',
      'marker-seen': 'false',
      'log-file': '/tmp/ralph-dispatch/pt-7jzy.log',
    });
  });
});
