/** Public names of the plan action (plan/action.yml), in one place. */

export const PlanInputs = {
  TicketsDir: 'tickets-dir',
  Statuses: 'statuses',
  MaxParallel: 'max-parallel',
  AllowUntagged: 'allow-untagged',
  ComponentPrefix: 'component-prefix',
  Exclude: 'exclude',
} as const;

export const PlanOutputs = {
  Matrix: 'matrix',
  Tickets: 'tickets',
  Count: 'count',
  Remaining: 'remaining',
  Blocked: 'blocked',
} as const;

/** plan/action.yml declares the same defaults (a test keeps them equal). */
export const PLAN_DEFAULTS: Readonly<Record<string, string>> = {
  [PlanInputs.TicketsDir]: '.tickets',
  [PlanInputs.Statuses]: 'open',
  [PlanInputs.MaxParallel]: '20',
  [PlanInputs.AllowUntagged]: 'false',
  [PlanInputs.ComponentPrefix]: 'component:',
  [PlanInputs.Exclude]: '',
};

/** GitHub runs at most 256 jobs from one matrix. */
export const MATRIX_LIMIT = 256;
/** The status a dependency must have for its dependents to be ready (pi-ticketflow's `tk ready`). */
export const CLOSED = 'closed';
export const DEFAULT_PRIORITY = 2;
export const TICKET_SUFFIX = '.md';
/** Rows per table in the job summary: the outputs carry every id, the summary stays readable. */
export const SUMMARY_ROWS = 200;
