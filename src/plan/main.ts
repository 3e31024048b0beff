/**
 * The plan action's wiring: inputs → tickets → plan → outputs and summary. The only plan module
 * that talks to the runner (@actions/core); the one setFailed is here.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import { FleetInputError } from '../fleet/inputs.js';
import { planTickets } from './plan.js';
import { planOutputs, planSummary } from './report.js';
import { parsePlanSettings } from './settings.js';
import { readTickets } from './tickets.js';

const TITLE = 'ralph-dispatch plan';

export async function main(): Promise<void> {
  try {
    await run();
  } catch (e) {
    core.setFailed(e instanceof FleetInputError ? e.message : `${TITLE} failed: ${(e as Error).stack ?? String(e)}`);
  }
}

export async function run(cwd = process.cwd()): Promise<void> {
  const settings = parsePlanSettings((name) => core.getInput(name), cwd);
  const { tickets, problems } = readTickets(settings.ticketsDir);
  // Relative names, so that the annotation points at the file in the repository (when it is in it).
  const relative = problems.map((p) => ({ ...p, file: path.relative(cwd, p.file) }));
  for (const p of relative) core.warning(p.message, p.file.startsWith('..') ? { title: TITLE } : { title: TITLE, file: p.file });

  const plan = planTickets(tickets, settings);
  for (const [name, value] of Object.entries(planOutputs(plan))) core.setOutput(name, value);
  core.info(
    `${TITLE}: ${plan.picked.length} picked (${plan.picked.map((t) => t.ticket).join(' ') || 'none'}), ${plan.remaining.length} waiting, ${plan.blocked.length} blocked`,
  );
  const summary = planSummary(plan, {
    componentPrefix: settings.componentPrefix,
    maxParallel: settings.maxParallel,
    problems: relative,
    ticketCount: tickets.length,
  });
  // Outside a runner (a local try-out) there is no summary file: the log line above says it all.
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
}
