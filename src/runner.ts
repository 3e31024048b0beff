/**
 * The runner's side of the action protocol, as @actions/core speaks it: inputs and state from
 * the environment, outputs and state through the runner's files, annotations as workflow
 * commands on stdout, the step summary. We do not import @actions/core itself: its entry point
 * loads its HTTP client and undici for OIDC, which made up 1 MB of our 1.1 MB bundle and 35 ms of
 * every start (docs/benchmarks.md). __tests__/runner.test.ts holds this module to core's output,
 * byte for byte, for every call the action makes.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,...::message`, escaped as the runner unescapes it. */
function issueCommand(command: string, props: Record<string, string | undefined>, message: string): void {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v as string)}`);
  process.stdout.write(`::${command}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(message)}${os.EOL}`);
}

/** Appends `key<<delimiter` … `delimiter` to the runner's file; false when it gave none. */
function fileCommand(variable: string, key: string, value: string): boolean {
  const file = process.env[variable];
  if (!file) return false;
  if (!fs.existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (key.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: the value contains the delimiter ${delimiter}`);
  fs.appendFileSync(file, `${key}<<${delimiter}${os.EOL}${value}${os.EOL}${delimiter}${os.EOL}`, { encoding: 'utf8' });
  return true;
}

export function setOutput(name: string, value: string): void {
  if (!fileCommand('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, value);
  }
}

export function saveState(name: string, value: string): void {
  if (!fileCommand('GITHUB_STATE', name, value)) issueCommand('save-state', { name }, value);
}

export interface AnnotationProperties {
  title?: string;
}
export const notice = (message: string, props: AnnotationProperties = {}) => issueCommand('notice', { ...props }, message);
export const warning = (message: string, props: AnnotationProperties = {}) => issueCommand('warning', { ...props }, message);
export const error = (message: string, props: AnnotationProperties = {}) => issueCommand('error', { ...props }, message);

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends Markdown to the job summary; false when the runner gave no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  fs.appendFileSync(file, markdown, { encoding: 'utf8' });
  return true;
}
