/** A RunResult to build report tests on: a session that exited 0 by itself; override what a test needs. */
import type { RunResult } from '../../src/session.js';

export function sampleResult(over: Partial<RunResult> = {}): RunResult {
  return {
    status: 'completed',
    exitCode: 0,
    signal: null,
    termination: 'natural',
    durationMs: 1234,
    markerSeen: false,
    reason: null,
    orphans: [],
    survivors: [],
    faults: [],
    timeline: [
      { kind: 'spawned', at: 0, detail: 'pid 100' },
      { kind: 'exit', at: 1234, detail: 'code 0' },
    ],
    logFile: '/tmp/ralph-dispatch/pt-7jzy.log',
    logBytes: 12,
    tail: Buffer.from('hello world\n'),
    childPid: 100,
    ...over,
  };
}
