/** Public names (the README's Inputs and Outputs), in one place (as actions/cache does): never loose strings. */

export const Inputs = {
  Command: 'command',
  Ticket: 'ticket',
  Shell: 'shell',
  WorkingDirectory: 'working-directory',
  Stdin: 'stdin',
  Input: 'input',
  Timeout: 'timeout',
  IdleTimeout: 'idle-timeout',
  CompletionMarker: 'completion-marker',
  CompletionGrace: 'completion-grace',
  EofGrace: 'eof-grace',
  TermGrace: 'term-grace',
  LogFile: 'log-file',
  AllowWorkflowCommands: 'allow-workflow-commands',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

export const Outputs = {
  Status: 'status',
  ExitCode: 'exit-code',
  Signal: 'signal',
  Termination: 'termination',
  DurationMs: 'duration-ms',
  OrphansKilled: 'orphans-killed',
  MarkerSeen: 'marker-seen',
  LogFile: 'log-file',
  ResultFile: 'result-file',
  ReportFile: 'report-file',
} as const;
export type OutputName = (typeof Outputs)[keyof typeof Outputs];
/** The outputs that describe the run itself; the other two are the files that record them. */
export type RunOutputName = Exclude<OutputName, typeof Outputs.ResultFile | typeof Outputs.ReportFile>;

/** Saved by main with core.saveState, read by post as STATE_<name>. */
export const State = {
  RunId: 'run-id',
  Ticket: 'ticket',
  /** When main started (reaper.selfStart()): a process older than main is not the run's. */
  MainStart: 'main-start',
  /** The spawned child as `pid:start`: post finds what is left in its group after main and it died. */
  Root: 'root',
  /** The run's work directory (work-dir.ts): post reads the terminal's leader from it, then removes it. */
  WorkDir: 'work-dir',
  /** The groups and sessions main found to be the run's (reaper.ts remembered()), saved before each signal step. */
  Remembered: 'remembered',
} as const;

/** Every process of a run carries this variable (value: the run id): see reaper.ts. */
export const RUN_ID_ENV = 'RALPH_DISPATCH_RUN_ID';
export const TICKET_ENV = 'RALPH_TICKET';

export const STATUSES = ['completed', 'failed', 'timeout', 'terminated', 'cancelled', 'error'] as const;
export type Status = (typeof STATUSES)[number];

export const TERMINATIONS = ['natural', 'eof', 'sigterm', 'sigkill'] as const;
export type Termination = (typeof TERMINATIONS)[number];

export const STDIN_MODES = ['closed', 'pipe', 'tty'] as const;
export type StdinMode = (typeof STDIN_MODES)[number];

/** The `schema` field of the result file (README, "Outputs"): bumped only for a breaking change. */
export const RESULT_SCHEMA = 'ralph-dispatch/result@1';

export const TICKET_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** The ticket names the log file (`<ticket>.log`, at most 255 bytes): room to spare. */
export const TICKET_MAX_LENGTH = 128;
