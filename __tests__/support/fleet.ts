/**
 * Runs an entry module of the plan or summarize action in this process with the real
 * @actions/core, as the runner would: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, workflow commands on stdout (captured).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFileCommands, tempDir } from './harness.js';

export interface EntryRun<T> {
  value: T | undefined;
  error: Error | undefined;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands and log lines the entry printed. */
  stdout: string;
  /** The `::warning …::` lines, as the runner reads them. */
  warnings: string[];
  exitCode: number | undefined;
}

// core.summary remembers the summary file's path from its first write: one path per test file.
const SUMMARY_FILE = path.join(tempDir('rd-summary-'), 'summary');

export async function runEntry<T>(entry: () => Promise<T>, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<EntryRun<T>> {
  const dir = tempDir('rd-entry-');
  const outputFile = path.join(dir, 'output');
  const summaryFile = SUMMARY_FILE;
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: dir, ...extraEnv };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  const exitBefore = process.exitCode;
  let value: T | undefined;
  let error: Error | undefined;
  try {
    value = await entry();
  } catch (e) {
    error = e as Error;
  } finally {
    process.stdout.write = write;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const exitCode = process.exitCode as number | undefined;
  process.exitCode = exitBefore;
  const stdout = chunks.join('');
  return {
    value,
    error,
    outputs: parseFileCommands(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    stdout,
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')),
    exitCode,
  };
}
