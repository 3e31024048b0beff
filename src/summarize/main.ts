/**
 * The summarize action's wiring: inputs → result files → counts, report and outputs. The only
 * summarize module that talks to the runner (@actions/core); the one setFailed is here.
 */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FleetInputError } from '../fleet/inputs.js';
import { buildFleetReport, failureMessage, summarizeOutputs, summarizeResults } from './report.js';
import { readResults } from './results.js';
import { parseSummarizeSettings } from './settings.js';

const TITLE = 'ralph-dispatch summarize';

export async function main(): Promise<void> {
  try {
    const failure = await run();
    if (failure) core.setFailed(failure);
  } catch (e) {
    core.setFailed(e instanceof FleetInputError ? e.message : `${TITLE} failed: ${(e as Error).stack ?? String(e)}`);
  }
}

/** Returns the failure message when a `fail-on` outcome occurred. */
export async function run(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const settings = parseSummarizeSettings((name) => core.getInput(name), cwd);
  const results = readResults(settings.resultsDir);
  if (!results.found) core.warning(`no result files: ${settings.resultsDir} does not exist`, { title: TITLE });
  for (const f of results.invalid)
    core.warning(`${path.relative(cwd, f.file)} is not a ralph-dispatch result file and is counted invalid: ${f.why}`, { title: TITLE });

  const summary = summarizeResults(results, settings.expected, settings.failOn);
  const report = buildFleetReport(summary, settings.resultsDir);
  const reportFile = path.join(env.RUNNER_TEMP || os.tmpdir(), 'ralph-dispatch', 'fleet-report.md');
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, report, 'utf8');

  for (const [name, value] of Object.entries(summarizeOutputs(summary, reportFile))) core.setOutput(name, value);
  core.info(report.split('\n')[0].replace(/^#+ /, ''));
  // Outside a runner (a local try-out) there is no summary file: report-file has it all.
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(report).write();
  return failureMessage(summary);
}
