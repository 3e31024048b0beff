import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_ID_ENV } from '../src/constants.js';
import { environHasTag, GONE_LEADER, LinuxProcSource, parseProcStat, Membership, parsePsOutput, type ProcEntry, type Snapshot } from '../src/reaper.js';
import { tempDir } from './support/harness.js';

const RUN = 'abc';
const TAG = `${RUN_ID_ENV}=${RUN}`;

describe('parseProcStat', () => {
  it('reads pid, comm, state, ppid, pgid and sid', () => {
    expect(parseProcStat('1234 (bash) S 1000 1234 1234 34816 1234 4194560 1 2 3 4\n')).toEqual({
      pid: 1234,
      ppid: 1000,
      pgid: 1234,
      sid: 1234,
      state: 'S',
      name: 'bash',
    });
  });

  it('takes comm up to the last ")" (comm may hold spaces and parentheses)', () => {
    expect(parseProcStat('77 ((a) b)) R 5 6 7 0 -1 0')).toEqual({ pid: 77, ppid: 5, pgid: 6, sid: 7, state: 'R', name: '(a) b)' });
    // A comm that imitates the fields after it cannot shift them.
    expect(parseProcStat('78 (x) Z 1 1 1 (y) S 9 10 11 0')).toEqual({ pid: 78, ppid: 9, pgid: 10, sid: 11, state: 'S', name: 'x) Z 1 1 1 (y' });
  });

  it.each(['', 'garbage', '12 (bash', '12 bash) S 1 2 3', '12 (bash) S', 'x (bash) S 1 2 3'])('rejects %j', (text) => {
    expect(parseProcStat(text)).toBeUndefined();
  });
});

describe('environHasTag', () => {
  const env = (...entries: string[]) => Buffer.from(entries.join('\0'));
  const tag = Buffer.from(TAG);
  it.each([
    ['in the middle', env('A=1', TAG, 'B=2', ''), true],
    ['at the start', env(TAG, 'B=2', ''), true],
    ['at the end without a trailing NUL', env('A=1', TAG), true],
    ['alone', env(TAG), true],
    ['after a near miss', env(`${TAG}1`, TAG, ''), true],
    ['only as a prefix of a longer value (…=abc1)', env('A=1', `${TAG}1`, ''), false],
    ['only as a suffix of another name (XRALPH…)', env('A=1', `X${TAG}`, ''), false],
    ['only inside another value', env(`OTHER=${TAG}`, 'B=2'), false],
    ['prefix at the very end', env('A=1', `${TAG}1`), false],
    ['with another run id', env(`${RUN_ID_ENV}=abd`, ''), false],
    ['empty', Buffer.alloc(0), false],
  ])('%s', (_what, environ, expected) => {
    expect(environHasTag(environ, tag)).toBe(expected);
  });
});

describe('parsePsOutput (macOS ps -axeww -o pid=,ppid=,pgid=,stat=,lstart=,command=)', () => {
  const L = 'Tue Dec  1 08:25:50 2026';
  const ps = [
    `    1     0     1 Ss   ${L} /sbin/launchd`,
    `  501     1   501 S    ${L} /usr/local/bin/node /Users/runner/work/_actions/x/ralph-dispatch/v1/dist/index.js PATH=/usr/bin:/bin HOME=/Users/runner`,
    `  600   501   600 Ss+  ${L} /bin/bash --noprofile --norc -eo pipefail /tmp/ralph-dispatch-x/ticket.sh PATH=/usr/bin:/bin ${TAG} RALPH_TICKET=pt-1 TERM=dumb`,
    `  601   600   600 S+   ${L} sleep 300 ${TAG}`,
    `  602     1   602 Ss   ${L} node daemon.js --port 8080 HOME=/Users/runner ${TAG}1`,
    `  603   600   600 Z+   ${L} (sh)`,
    `  604     1   604 S    ${L} grep foo X${TAG} Y=1`,
    'not a process line',
    '',
  ].join('\n');
  const entries = parsePsOutput(ps, TAG);
  const byPid = new Map(entries.map((e) => [e.pid, e]));

  it('reads every process line and skips the rest', () => {
    expect(entries.map((e) => e.pid)).toEqual([1, 501, 600, 601, 602, 603, 604]);
    expect(byPid.get(600)).toMatchObject({ ppid: 501, pgid: 600, sid: -1, state: 'S' });
    expect(byPid.get(603)?.state).toBe('Z');
    // lstart (local time, to the second): the same for each line here.
    expect(byPid.get(600)?.start).toBe(new Date(2026, 11, 1, 8, 25, 50).getTime());
  });

  it('detects the tag as a whole environment word only', () => {
    expect(entries.filter((e) => e.tagged).map((e) => e.pid)).toEqual([600, 601]);
  });

  it('cuts the command before the environment', () => {
    expect(byPid.get(600)?.command).toBe('/bin/bash --noprofile --norc -eo pipefail /tmp/ralph-dispatch-x/ticket.sh');
    expect(byPid.get(600)?.name).toBe('/bin/bash');
    expect(byPid.get(501)?.command).toBe('/usr/local/bin/node /Users/runner/work/_actions/x/ralph-dispatch/v1/dist/index.js');
    expect(byPid.get(601)?.command).toBe('sleep 300');
    expect(byPid.get(602)?.command).toBe('node daemon.js --port 8080');
    expect(byPid.get(1)?.command).toBe('/sbin/launchd');
  });

  it('caps a very long command', () => {
    const [e] = parsePsOutput(`  9 1 9 S ${L} ${'a'.repeat(5000)} ${TAG}`, TAG);
    expect(e.tagged).toBe(true);
    expect(e.command.length).toBeLessThanOrEqual(200);
  });
});

describe('LinuxProcSource against a fake /proc', () => {
  const root = tempDir('rd-proc-');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const put = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  // 100: tagged, with a command line.
  put('100/stat', '100 (bash) S 1 100 100 0 -1 0\n');
  put('100/environ', `PATH=/bin\0${TAG}\0HOME=/root\0`);
  put('100/cmdline', 'bash\0-c\0sleep 300\0');
  // 101: no environ file (kernel thread, or a race), its stat still there: listed, untagged; empty cmdline.
  put('101/stat', '101 (kworker/0:1) I 2 0 0 0 -1 0\n');
  put('101/cmdline', '');
  // 102: the stat vanished (the process exited mid-scan): skipped.
  fs.mkdirSync(path.join(root, '102'));
  put('102/environ', `${TAG}\0`);
  // 103: environ unreadable (a directory stands in for EACCES, which root would bypass): untagged.
  put('103/stat', '103 (sudo tool) S 100 100 100 0 -1 0\n');
  fs.mkdirSync(path.join(root, '103', 'environ'));
  // 104: tagged only by a longer run id: untagged.
  put('104/stat', '104 (node) S 1 104 104 0 -1 0\n');
  put('104/environ', `${TAG}1\0`);
  // 105: a stat that cannot be parsed: skipped.
  put('105/stat', 'garbage');
  // Non-numeric entries: skipped.
  put('self/stat', '100 (bash) S 1 100 100 0 -1 0\n');
  put('sys/stat', '1 (init) S 0 1 1 0 -1 0\n');
  put('cpuinfo', 'processor : 0\n');

  const source = new LinuxProcSource(root);

  it('lists the readable processes, tagged by their environment', () => {
    const entries = source.snapshot(TAG).sort((a, b) => a.pid - b.pid);
    expect(entries.map((e) => [e.pid, e.tagged])).toEqual([
      [100, true],
      [101, false],
      [103, false],
      [104, false],
    ]);
    expect(entries.find((e) => e.pid === 103)).toMatchObject({ ppid: 100, pgid: 100, sid: 100, state: 'S', name: 'sudo tool' });
  });

  it('reports the pids that vanished between the listing and the read (they may have forked first)', () => {
    expect([...source.table(TAG, NaN).vanished].sort()).toEqual([102]);
  });

  it('reads command lines, falling back to the name', () => {
    expect(source.commandLine(100, 'bash')).toBe('bash -c sleep 300');
    expect(source.commandLine(101, 'kworker/0:1')).toBe('[kworker/0:1]');
    expect(source.commandLine(999, 'gone')).toBe('[gone]');
  });

  it('gives nothing when the root cannot be read', () => {
    expect(new LinuxProcSource(path.join(root, 'missing')).snapshot(TAG)).toEqual([]);
  });
});

const entry = (pid: number, ppid: number, over: Partial<ProcEntry> = {}): ProcEntry => ({
  pid,
  ppid,
  pgid: pid,
  sid: pid,
  state: 'S',
  tagged: false,
  name: `p${pid}`,
  start: 1000 + pid,
  ...over,
});

const SELF = 50;
const snap = (entries: ProcEntry[], vanished: number[] = []): Snapshot => ({ entries, vanished });
const pids = (r: { members: ProcEntry[] }) =>
  r.members
    .filter((e) => e.state !== 'Z')
    .map((e) => e.pid)
    .sort((a, b) => a - b);

describe('Membership.admit', () => {
  const table = (): ProcEntry[] => [
    entry(1, 0, { start: 0 }),
    entry(SELF, 1, { tagged: true }), // the action itself: never a member
    entry(51, SELF, { pgid: SELF, sid: 1 }), // another child of the action: not a member
    // The root (spawned, detached: leader of its group and session).
    entry(200, SELF, { tagged: true }),
    entry(201, 200, { pgid: 200, sid: 200 }), // scrubbed env (env -i), in the root's group
    entry(202, 201, { pgid: 202, sid: 200 }), // scrubbed env, its own group
    entry(203, 200, { pgid: 200, sid: 200, state: 'Z', tagged: true }), // zombie
    // A daemon that called setsid() and was reparented to init, still tagged.
    entry(300, 1, { tagged: true }),
    entry(301, 1, { pgid: 300, sid: 300 }), // scrubbed, in the daemon's group
    entry(302, 1, { pgid: 302, sid: 300 }), // scrubbed, in the daemon's session
    // Unrelated processes.
    entry(400, 1),
    entry(401, 400, { pgid: 400, sid: 400 }),
  ];
  const run = (notBefore = 1000) => {
    const m = new Membership(TAG, notBefore, SELF);
    m.addRoot(200, 1200, true);
    return m;
  };

  it('takes tagged processes, descendants of the root, and members of groups and sessions led by members', () => {
    expect(pids(run().admit(snap(table())))).toEqual([200, 201, 202, 300, 301, 302]);
  });

  it('excludes zombies from the live ones, and itself', () => {
    const r = run().admit(snap(table()));
    expect(r.members.find((e) => e.pid === 203)?.state).toBe('Z');
    expect(pids(r)).not.toContain(SELF);
    expect(pids(r)).not.toContain(51);
  });

  it('remembers groups and sessions after their leader died, while they have members', () => {
    const m = run();
    m.admit(snap(table()));
    // The root and the daemon are gone; untagged members of their group and session remain.
    const later = [entry(1, 0, { start: 0 }), entry(201, 1, { pgid: 200, sid: 200 }), entry(302, 1, { pgid: 302, sid: 300 }), entry(400, 1)];
    expect(pids(m.admit(snap(later)))).toEqual([201, 302]);
  });

  it('never includes an unrelated process', () => {
    expect(pids(run().admit(snap([entry(400, 1), entry(401, 400, { pgid: 400, sid: 400 })])))).toEqual([]);
  });

  it('a process that started before the action is never a member, even tagged or in a remembered group', () => {
    const old = { start: 1299 };
    const r = run(1300).admit(
      snap([entry(250, 1, { tagged: true, ...old }), entry(260, 1, { pgid: 200, sid: 200, ...old }), entry(301, 1, { pgid: 200, start: 1300 })]),
    );
    expect(pids(r)).toEqual([301]);
  });

  it("identity by start time: a pid of the root, group or session now held by another process is not the run's", () => {
    const m = run();
    m.admit(snap(table()));
    // The root was reaped, its group emptied, and its pid went to an unrelated process (a
    // different start time) that leads a group of its own; a child of it, too.
    const later = [entry(1, 0, { start: 0 }), entry(200, 7, { start: 5000 }), entry(210, 200, { pgid: 200, sid: 200 })];
    expect(pids(m.admit(snap(later)))).toEqual([]);
    // Forgotten for good: the same pid with the old start does not come back either.
    expect(pids(m.admit(snap([entry(205, 1, { pgid: 200, sid: 200 })])))).toEqual([]);
  });

  it('a leaderless group seen empty is forgotten (its id may be handed out again)', () => {
    const m = run();
    m.admit(snap(table()));
    m.admit(snap([entry(1, 0, { start: 0 })]));
    expect(pids(m.admit(snap([entry(220, 1, { pgid: 200, sid: 200, start: 9000 })])))).toEqual([]);
  });

  describe('a group or session whose leader is gone before any snapshot saw it', () => {
    // 500 led a session and group and is gone: a tagged process and an untagged one remain.
    const orphaned = (over: Partial<ProcEntry> = {}) => [
      entry(1, 0, { start: 0 }),
      entry(501, 1, { pgid: 500, sid: 500, tagged: true }),
      entry(502, 1, { pgid: 500, sid: 500, ...over }),
    ];

    it("is the run's once a member is in it: its untagged processes are members", () => {
      expect(pids(run().admit(snap(orphaned())))).toEqual([501, 502]);
      // Through the session alone (the untagged one has a group of its own).
      expect(pids(run().admit(snap(orphaned({ pgid: 502 }))))).toEqual([501, 502]);
    });

    it('a leader that is a zombie not yet reaped counts as gone', () => {
      expect(pids(run().admit(snap([...orphaned(), entry(500, 1, { state: 'Z' })])))).toEqual([501, 502]);
    });

    it("is not the run's when it holds a process older than the action, or its leader lives outside the run", () => {
      const m = () => run(1300);
      const young = { start: 1400 };
      const base = [
        entry(1, 0, { start: 0 }),
        entry(501, 1, { pgid: 500, sid: 500, tagged: true, ...young }),
        entry(502, 1, { pgid: 500, sid: 500, ...young }),
      ];
      expect(pids(m().admit(snap([...base, entry(503, 1, { pgid: 500, sid: 500, start: 1299 })])))).toEqual([501]);
      expect(pids(m().admit(snap([...base, entry(500, 1, young)])))).toEqual([501]);
      // An old zombie leader is not gone in that sense either.
      expect(pids(m().admit(snap([...base, entry(500, 1, { state: 'Z', start: 1299 })])))).toEqual([501]);
    });

    it('is remembered once the member is gone, and forgotten once empty, even if its id is handed out again', () => {
      const m = run();
      m.admit(snap(orphaned()));
      expect(pids(m.admit(snap([entry(1, 0, { start: 0 }), entry(502, 1, { pgid: 500, sid: 500 })])))).toEqual([502]);
      m.admit(snap([entry(1, 0, { start: 0 })]));
      expect(pids(m.admit(snap([entry(500, 1, { start: 9000 }), entry(510, 1, { pgid: 500, sid: 500, start: 9001 })])))).toEqual([]);
    });

    it("what main remembered, restored in post: the groups and sessions, a gone leader's included; malformed items skipped", () => {
      const main = run();
      main.admit(snap([...table(), ...orphaned()]));
      const text = main.remembered();
      expect(text.split(' ')).toEqual(expect.arrayContaining(['g200:1200', 's200:1200', 'g300:1300', 's300:1300', 'g500:gone', 's500:gone']));
      const post = new Membership(TAG, 1000, SELF);
      post.restore(`${text} x1 g:5 s0:gone g7:NaN s8:-1`);
      expect(post.remembered()).toBe(text);
      // The tagged process and the leaders are gone: the untagged ones are found all the same.
      expect(pids(post.admit(snap([entry(1, 0, { start: 0 }), entry(502, 1, { pgid: 502, sid: 500 }), entry(301, 1, { pgid: 300, sid: 300 })])))).toEqual([
        301, 502,
      ]);
    });

    it("a leader recorded before it went (addLeader): its session is the run's with nothing tagged left in it", () => {
      const m = run();
      m.addLeader(500, GONE_LEADER);
      expect(pids(m.admit(snap([entry(1, 0, { start: 0 }), entry(502, 1, { pgid: 502, sid: 500 })])))).toEqual([502]);
      // Its pid handed out again (after the session emptied between two snapshots): not the run's.
      expect(pids(m.admit(snap([entry(500, 1, { start: 9000 }), entry(511, 1, { pgid: 511, sid: 500, start: 9001 })])))).toEqual([]);
    });
  });

  it('is not settled when a listed pid vanished, or a young process died since the last snapshot', () => {
    const m = run();
    expect(m.admit(snap(table(), [260])).settled).toBe(false);
    // 203 was a zombie in the last snapshot: dead before it, settled now.
    expect(m.admit(snap(table())).settled).toBe(true);
    expect(m.admit(snap([...table(), entry(204, 200, { state: 'Z' })])).settled).toBe(false);
    expect(m.admit(snap([...table(), entry(204, 200, { state: 'Z' })])).settled).toBe(true);
    // A vanished pid that was a zombie before: its death is old news.
    expect(m.admit(snap(table(), [204])).settled).toBe(true);
    // An old process dying does not matter.
    expect(m.admit(snap([...table(), entry(30, 1, { state: 'Z', start: 10 })])).settled).toBe(true);
  });
});

describe('LinuxProcSource.signal', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  const procs = [100, 101, 102, 103].map((pid) => ({ pid, ppid: 1, state: 'S', command: `cmd ${pid}` }));

  it('reports EPERM as a fault, ignores ESRCH, never throws, and counts only what it reached', async () => {
    const sent: [number, string][] = [];
    const kill = (pid: number, signal: NodeJS.Signals) => {
      sent.push([pid, signal]);
      if (pid === 100) throw errno('EPERM');
      if (pid === 101) throw errno('ESRCH');
      if (pid === 102) throw new Error('no code');
    };
    const { delivered, faults } = await new LinuxProcSource('/proc', NaN, kill).signal(procs, 'SIGTERM');
    expect(sent).toEqual(procs.map((p) => [p.pid, 'SIGTERM']));
    expect(delivered.map((p) => p.pid)).toEqual([103]);
    expect(faults).toHaveLength(2);
    expect(faults[0]).toEqual({ pid: 100, command: 'cmd 100', code: 'EPERM' });
    expect(faults[1].pid).toBe(102);
    expect(faults[1].code).toContain('no code');
  });

  it('does not signal a pid that another process holds now (start time differs)', async () => {
    const sent: number[] = [];
    const source = new LinuxProcSource('/proc', NaN, (pid) => void sent.push(pid));
    const self = { pid: process.pid, ppid: 1, state: 'S', command: 'me' };
    const { delivered } = await source.signal(
      [
        { ...self, start: source.selfStart() },
        { ...self, start: source.selfStart() - 1 },
      ],
      'SIGCONT',
    );
    expect(sent).toEqual([process.pid]);
    expect(delivered).toHaveLength(1);
  });
});
