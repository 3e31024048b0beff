/**
 * The plan action's inputs, read once into one typed object. Every check runs before a ticket is
 * read; a bad value throws a FleetInputError naming the input and the value.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FleetInputError, type InputReader, parseBoolean, readerWithDefaults, splitList } from '../fleet/inputs.js';
import { MATRIX_LIMIT, PLAN_DEFAULTS, PlanInputs } from './constants.js';

export interface PlanSettings {
  /** Absolute path of the folder of ticket files. */
  readonly ticketsDir: string;
  readonly statuses: readonly string[];
  readonly maxParallel: number;
  readonly allowUntagged: boolean;
  readonly componentPrefix: string;
  readonly exclude: readonly string[];
}

export function parsePlanSettings(read: InputReader, cwd: string): PlanSettings {
  const get = readerWithDefaults(read, PLAN_DEFAULTS);

  const dirText = get(PlanInputs.TicketsDir);
  const ticketsDir = path.resolve(cwd, dirText);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(ticketsDir);
  } catch {
    stat = undefined;
  }
  if (!stat) throw new FleetInputError(PlanInputs.TicketsDir, dirText, `no such directory (${ticketsDir}); check out the repository first`);
  if (!stat.isDirectory()) throw new FleetInputError(PlanInputs.TicketsDir, dirText, `not a directory (${ticketsDir})`);

  const statusesText = get(PlanInputs.Statuses);
  const statuses = splitList(statusesText);
  if (statuses.length === 0) throw new FleetInputError(PlanInputs.Statuses, statusesText, 'name at least one status');

  const maxText = get(PlanInputs.MaxParallel);
  const maxParallel = /^\d+$/.test(maxText) ? Number(maxText) : NaN;
  if (!(maxParallel >= 1 && maxParallel <= MATRIX_LIMIT)) {
    throw new FleetInputError(PlanInputs.MaxParallel, maxText, `use a whole number from 1 to ${MATRIX_LIMIT} (the most jobs a matrix runs)`);
  }

  const allowUntagged = parseBoolean(PlanInputs.AllowUntagged, get(PlanInputs.AllowUntagged));

  // Not trimmed away to nothing: an empty prefix would make every tag a component.
  const componentPrefix = get(PlanInputs.ComponentPrefix);
  if (/\s/.test(componentPrefix)) throw new FleetInputError(PlanInputs.ComponentPrefix, componentPrefix, 'a tag prefix holds no whitespace');

  const exclude = splitList(read(PlanInputs.Exclude));

  return { ticketsDir, statuses, maxParallel, allowUntagged, componentPrefix, exclude };
}
