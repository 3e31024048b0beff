import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 344:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(347);

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 347:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: run

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner.ts
/**
 * The runner's side of the action protocol, as @actions/core speaks it: inputs and state from
 * the environment, outputs and state through the runner's files, annotations as workflow
 * commands on stdout, the step summary. We do not import @actions/core itself: its entry point
 * loads its HTTP client and undici for OIDC, which made up 1 MB of our 1.1 MB bundle and 35 ms of
 * every start (docs/benchmarks.md). __tests__/runner.test.ts holds this module to core's output,
 * byte for byte, for every call the action makes.
 */



function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command key=value,...::message`, escaped as the runner unescapes it. */
function issueCommand(command, props, message) {
    const list = Object.entries(props)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(v)}`);
    process.stdout.write(`::${command}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** Appends `key<<delimiter` … `delimiter` to the runner's file; false when it gave none. */
function fileCommand(variable, key, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    if (!fs.existsSync(file))
        throw new Error(`Missing file at path: ${file}`);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (key.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: the value contains the delimiter ${delimiter}`);
    fs.appendFileSync(file, `${key}<<${delimiter}${os.EOL}${value}${os.EOL}${delimiter}${os.EOL}`, { encoding: 'utf8' });
    return true;
}
function setOutput(name, value) {
    if (!fileCommand('GITHUB_OUTPUT', name, value)) {
        process.stdout.write(os.EOL);
        issueCommand('set-output', { name }, value);
    }
}
function saveState(name, value) {
    if (!fileCommand('GITHUB_STATE', name, value))
        issueCommand('save-state', { name }, value);
}
const notice = (message, props = {}) => issueCommand('notice', { ...props }, message);
const warning = (message, props = {}) => issueCommand('warning', { ...props }, message);
const error = (message, props = {}) => issueCommand('error', { ...props }, message);
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends Markdown to the job summary; false when the runner gave no summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    fs.appendFileSync(file, markdown, { encoding: 'utf8' });
    return true;
}

;// CONCATENATED MODULE: ./src/constants.ts
/** Public names from CONTRACT.md, in one place (as actions/cache does): never loose strings. */
const Inputs = {
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
};
const constants_Outputs = {
    Status: 'status',
    ExitCode: 'exit-code',
    Signal: 'signal',
    Termination: 'termination',
    DurationMs: 'duration-ms',
    OrphansKilled: 'orphans-killed',
    MarkerSeen: 'marker-seen',
    LogFile: 'log-file',
};
/** Saved by main with core.saveState, read by post as STATE_<name>. */
const State = {
    RunId: 'run-id',
    Ticket: 'ticket',
};
/** Every process of a run carries this variable (value: the run id): see reaper.ts. */
const RUN_ID_ENV = 'RALPH_DISPATCH_RUN_ID';
const TICKET_ENV = 'RALPH_TICKET';
const STATUSES = (/* unused pure expression or super */ null && (['completed', 'failed', 'timeout', 'terminated', 'cancelled', 'error']));
const TERMINATIONS = (/* unused pure expression or super */ null && (['natural', 'eof', 'sigterm', 'sigkill']));
const STDIN_MODES = (/* unused pure expression or super */ null && (['closed', 'pipe', 'tty']));
const TICKET_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

;// CONCATENATED MODULE: ./src/duration.ts
/**
 * The one duration grammar shared by every duration input.
 *
 *   duration := "0" | number | component+
 *   component := number unit          (units in descending order, each at most once)
 *   unit := "h" | "m" | "s" | "ms"
 *   number := digits ["." digits]
 *
 * A bare number means seconds, as with GNU `timeout` and `sleep`. `0` (in any unit) means off
 * for `timeout` and `idle-timeout`, and "at once" for the graces. No signs, no exponents, no
 * spaces inside; at most MAX_DURATION_MS, the longest delay a Node timer can hold.
 */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days). */
const MAX_DURATION_MS = 2 ** 31 - 1;
const NUMBER = /^\d+(?:\.\d+)?$/;
const COMPONENT = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;
class DurationError extends Error {
}
function parseDuration(text) {
    const value = text.trim();
    if (value === '')
        throw new DurationError('is empty');
    let ms;
    if (NUMBER.test(value)) {
        ms = Number(value) * 1000;
    }
    else {
        ms = 0;
        let pos = 0;
        let lastUnit = -1;
        COMPONENT.lastIndex = 0;
        while (pos < value.length) {
            COMPONENT.lastIndex = pos;
            const m = COMPONENT.exec(value);
            if (!m)
                throw new DurationError('is not a duration such as 500ms, 90s, 45m or 1h30m');
            const unit = m[2];
            const order = UNIT_ORDER.indexOf(unit);
            if (order <= lastUnit)
                throw new DurationError(`repeats or misorders its units (write h, m, s, ms in that order)`);
            lastUnit = order;
            ms += Number(m[1]) * UNIT_MS[unit];
            pos = COMPONENT.lastIndex;
        }
    }
    ms = Math.round(ms);
    if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) {
        throw new DurationError(`is longer than the maximum (${duration_formatDuration(MAX_DURATION_MS)})`);
    }
    return ms;
}
/** Human form for annotations and the summary: 45m, 1h30m, 10s, 1.5s, 250ms. */
function duration_formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000) {
        const s = Math.round(ms / 100) / 10;
        return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)}s`;
    }
    let rest = Math.round(ms / 1000);
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    const s = rest - m * 60;
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}

;// CONCATENATED MODULE: ./src/exit.ts
/**
 * Ending the process without losing output. The runner reads our stdout through a
 * non-blocking pipe: under load, writes queue inside Node, and process.exit() with writes
 * queued drops them (annotations, the end of a stop-commands fence). Wait for the queue to
 * drain, then exit: an exit is still needed, since a process of the run we could not kill may
 * hold a handle that would keep the event loop alive.
 */
async function flushAndExit(code) {
    await flush(process.stdout);
    await flush(process.stderr);
    process.exit(code);
}
function flush(stream) {
    return new Promise((resolve) => {
        // Writes complete in order: the callback of an empty write runs after every earlier one.
        if (!stream.write('', () => resolve()))
            stream.once('drain', () => resolve());
    });
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/output.ts
/**
 * What happens to the child's output bytes: the byte-exact log file, the tail kept for the
 * summary, and the completion-marker scanner. Memory stays bounded whatever the output size:
 * nothing here keeps more than a fixed window.
 */



/**
 * CSI, OSC (BEL- or ST-terminated), charset designations, and the other two-byte escapes
 * (ESC 7 / ESC 8 save and restore the cursor, ESC = / ESC > keypad modes, ESC c reset...).
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b[0-?@-Z\\-_a-~]|\x9b[0-?]*[ -/]*[@-~]/g;
/** An escape sequence cut off at the end of a chunk: held back until the next one. */
// eslint-disable-next-line no-control-regex
const PARTIAL_ANSI = /\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|[()#])?$|\x1b\][^\x07]*\x1b$/;
function output_stripAnsi(text) {
    return text.replace(ANSI, '');
}
/**
 * Matches the completion marker on the output with ANSI escapes removed, across chunk
 * boundaries: it keeps the last `window` characters of clean text and tests them with each new
 * chunk. A marker longer than the window is not supported (documented).
 */
class MarkerScanner {
    marker;
    window;
    decoder = new StringDecoder('utf8');
    carry = '';
    clean = '';
    constructor(marker, window = 4096) {
        this.marker = marker;
        this.window = window;
    }
    /** Returns true when the marker has been seen in the output so far. */
    push(chunk) {
        let text = this.carry + this.decoder.write(chunk);
        const partial = PARTIAL_ANSI.exec(text);
        if (partial && text.length - partial.index < 256) {
            this.carry = text.slice(partial.index);
            text = text.slice(0, partial.index);
        }
        else {
            this.carry = '';
        }
        const joined = this.clean + output_stripAnsi(text);
        this.marker.lastIndex = 0;
        if (this.marker.test(joined))
            return true;
        this.clean = joined.length > this.window ? joined.slice(-this.window) : joined;
        return false;
    }
}
/** The last `limit` bytes of output, for the summary's log tail. */
class Tail {
    limit;
    chunks = [];
    size = 0;
    constructor(limit = 64 * 1024) {
        this.limit = limit;
    }
    push(chunk) {
        if (chunk.length >= this.limit) {
            this.chunks = [chunk.subarray(chunk.length - this.limit)];
            this.size = this.limit;
            return;
        }
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - this.chunks[0].length >= this.limit) {
            this.size -= this.chunks.shift().length;
        }
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
    }
}
/**
 * The byte-exact log: created with mode 0600 (it holds whatever the agent printed), written in
 * arrival order. Writes are synchronous: to the page cache they cost microseconds, and a
 * WriteStream's thread-pool round trip per chunk halved the throughput (docs/benchmarks.md).
 * A write error (disk full) must not crash or stall the run: the log stops taking bytes, the
 * session goes on, and the report says so.
 */
class LogFile {
    path;
    bytes = 0;
    error;
    fd;
    constructor(path, fd) {
        this.path = path;
        this.fd = fd;
    }
    static open(file) {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        const fd = fs.openSync(file, 'w', 0o600);
        fs.fchmodSync(fd, 0o600); // openSync keeps the mode of a file that already existed
        return new LogFile(file, fd);
    }
    /** Always true: the log never asks the session to pause. */
    write(chunk) {
        this.bytes += chunk.length;
        if (this.error || this.fd === undefined)
            return true;
        try {
            for (let off = 0; off < chunk.length;)
                off += fs.writeSync(this.fd, chunk, off, chunk.length - off);
        }
        catch (e) {
            this.error = e;
        }
        return true;
    }
    close() {
        if (this.fd !== undefined) {
            try {
                fs.closeSync(this.fd);
            }
            catch {
                // Already reported as a write error, or nothing left to lose.
            }
            this.fd = undefined;
        }
        return Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./src/report.ts
/**
 * What a person reads on the run page: the step outputs, a few annotations and the job
 * summary. Pure functions from a RunResult; main.ts hands them to @actions/core.
 */



/** The runner shows at most 10 annotations per type per step, each cut at 4096 characters. */
const ANNOTATION_MAX_CHARS = 4000;
const ORPHANS_NAMED = 5;
const SUMMARY_ORPHAN_ROWS = 50;
const TAIL_LINES = 50;
const TAIL_LINE_CHARS = 1000;
/** The runner refuses a step summary over 1 MiB. */
const SUMMARY_MAX_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
function buildOutputs(result) {
    return {
        [Outputs.Status]: result.status,
        [Outputs.ExitCode]: result.exitCode === null ? '' : String(result.exitCode),
        [Outputs.Signal]: result.signal ?? '',
        [Outputs.Termination]: result.termination ?? '',
        [Outputs.DurationMs]: String(result.durationMs),
        [Outputs.OrphansKilled]: String(result.orphans.length),
        [Outputs.MarkerSeen]: String(result.markerSeen),
        [Outputs.LogFile]: result.logFile,
    };
}
function title(ticket) {
    return ticket ? `ralph-dispatch: ${ticket}` : 'ralph-dispatch';
}
const find = (result, kind) => result.timeline.find((e) => e.kind === kind);
function howItEnded(result) {
    if (result.signal)
        return `ended by ${result.signal}`;
    if (result.exitCode !== null)
        return `exited with code ${result.exitCode}`;
    return 'did not exit';
}
/**
 * `EOF, SIGTERM at +10s, SIGKILL at +15s; ended by SIGKILL`: the steps sent, timed from the
 * first, and how the session ended. Steps sent after the session had exited went to its
 * leftovers, and say so.
 */
function describeSequence(result) {
    const events = result.timeline.filter((e) => e.kind === 'eof' || e.kind === 'sigterm' || e.kind === 'sigkill' || e.kind === 'exit');
    const firstStep = events.findIndex((e) => e.kind !== 'exit');
    if (firstStep < 0)
        return '';
    const t0 = events[firstStep].at;
    const parts = [];
    let exited = false;
    for (const e of events.slice(firstStep)) {
        const at = e.at === t0 ? '' : ` at +${formatDuration(e.at - t0)}`;
        if (e.kind === 'exit') {
            exited = true;
            parts.push(`; ${howItEnded(result)}${at}`);
        }
        else {
            const name = e.kind === 'eof' ? 'EOF' : e.kind.toUpperCase();
            parts.push(`${parts.length === 0 ? '' : exited ? '; ' : ', '}${name}${exited ? ' to leftovers' : ''}${at}`);
        }
    }
    if (!exited)
        parts.push(`; ${howItEnded(result)}`);
    return parts.join('');
}
/** One sentence saying what happened, for the outcome annotation and the summary. */
function describeOutcome(result, ctx) {
    const who = ctx.ticket || 'the session';
    const took = formatDuration(result.durationMs);
    const sequence = describeSequence(result);
    const closed = `; ${sequence || howItEnded(result)}`;
    switch (result.status) {
        case 'completed': {
            if (!result.markerSeen)
                return `${who} completed in ${took} (exit code 0)`;
            const marker = find(result, 'marker');
            const at = marker ? ` at +${formatDuration(marker.at)}` : '';
            if (result.termination === 'natural')
                return `${who} completed: marker seen${at}, then it exited by itself (${howItEnded(result)}) after ${took}`;
            return `${who} completed: marker seen${at}, still running ${formatDuration(ctx.completionGraceMs)} later${closed}`;
        }
        case 'failed':
            return `${who} failed: ${howItEnded(result)} after ${took}`;
        case 'timeout':
            if (result.reason === 'idle')
                return `${who} went idle: no output for ${formatDuration(ctx.idleTimeoutMs)}, at +${formatDuration(find(result, 'idle')?.at ?? 0)}${closed}`;
            return `${who} timed out after ${formatDuration(ctx.timeoutMs)}${closed}`;
        case 'terminated':
            return `${who} was terminated: ${howItEnded(result)}, a signal ralph-dispatch did not send (OOM killer, a person?), after ${took}`;
        case 'cancelled':
            return `${who} was cancelled after ${formatDuration(find(result, 'cancel')?.at ?? result.durationMs)}${closed}`;
        case 'error':
            return `${who}: ${result.error ?? 'error'}`;
    }
}
function nameProcesses(procs) {
    const named = procs.slice(0, ORPHANS_NAMED).map((p) => `${p.pid} ${oneLine(p.command)}`);
    const more = procs.length > ORPHANS_NAMED ? ` (+${procs.length - ORPHANS_NAMED} more)` : '';
    return `${named.join(', ')}${more}`;
}
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ').slice(0, 200);
}
function cap(text) {
    return text.length > ANNOTATION_MAX_CHARS ? `${text.slice(0, ANNOTATION_MAX_CHARS - 1)}…` : text;
}
/**
 * At most five, well inside the runner's 10 per type: the outcome; then warnings for a forced
 * close-out, killed orphans, a log that could not be written, and what could not be killed.
 */
function buildAnnotations(result, ctx) {
    const t = title(ctx.ticket);
    const list = [
        { level: result.status === 'completed' ? 'notice' : 'error', title: t, message: cap(describeOutcome(result, ctx)) },
    ];
    if (result.status === 'completed' && (result.termination === 'sigterm' || result.termination === 'sigkill')) {
        // The work is done, but the session would not leave on EOF: worth a look at the agent.
        list.push({
            level: 'warning',
            title: `${t}: forced close-out`,
            message: cap(`The session finished its work but did not exit on EOF: it took ${result.termination === 'sigkill' ? 'SIGKILL' : 'SIGTERM'} to close it (${describeSequence(result).replace(/^; /, '')})`),
        });
    }
    if (result.orphans.length > 0) {
        const n = result.orphans.length;
        list.push({
            level: 'warning',
            title: `${t}: orphans killed`,
            message: cap(`${n} process${n === 1 ? '' : 'es'} of the run outlived the session and had to be killed: ${nameProcesses(result.orphans)}`),
        });
    }
    if (result.logError) {
        list.push({
            level: 'warning',
            title: `${t}: log file`,
            message: cap(`The log file ${result.logFile} could not be written (${oneLine(result.logError)}); the session went on, and its output is still in the job log.`),
        });
    }
    const faults = result.faults.map((f) => `${f.pid} ${oneLine(f.command)} (${f.code})`);
    if (result.survivors.length > 0 || faults.length > 0) {
        const parts = [];
        if (result.survivors.length > 0)
            parts.push(`still alive after SIGKILL: ${nameProcesses(result.survivors)}`);
        if (faults.length > 0)
            parts.push(`signals refused: ${faults.slice(0, ORPHANS_NAMED).join(', ')}${faults.length > ORPHANS_NAMED ? ` (+${faults.length - ORPHANS_NAMED} more)` : ''}`);
        list.push({ level: 'warning', title: `${t}: processes not killed`, message: cap(`Could not stop every process of the run; ${parts.join('; ')}`) });
    }
    return list;
}
// ---------------------------------------------------------------------------------------------
// Job summary (Markdown with a little HTML, as GitHub renders it)
// ---------------------------------------------------------------------------------------------
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** For a Markdown table cell: HTML escaped, pipes and newlines neutralised. */
function cell(text) {
    return escapeHtml(oneLine(text)).replaceAll('|', '&#124;').replaceAll('`', '&#96;') || ' ';
}
const STATUS_ICON = {
    completed: '✅',
    failed: '❌',
    timeout: '⏱️',
    terminated: '💥',
    cancelled: '🚫',
    error: '⚠️',
};
const TIMELINE_LABEL = {
    spawned: 'session started',
    'first-output': 'first output',
    marker: 'completion marker seen',
    timeout: 'timeout reached',
    idle: 'idle-timeout reached',
    cancel: 'run cancelled',
    'completion-grace-over': 'completion grace over',
    eof: 'EOF sent',
    sigterm: 'SIGTERM sent',
    sigkill: 'SIGKILL sent',
    exit: 'session exited',
    'last-process-gone': 'last process of the run gone',
};
/** Timeline offsets: to the millisecond under a minute (the graces are read off them). */
function formatOffset(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(3)}s`;
    return formatDuration(ms);
}
/** The last `TAIL_LINES` lines of the log, ANSI removed, each line capped. */
function tailLines(tail) {
    const text = stripAnsi(tail.toString('utf8')).replace(/\r\n/g, '\n');
    // A lone \r redraws the line (progress bars, TUIs): keep what was drawn last.
    const lines = text.split('\n').map((l) => {
        const parts = l.split('\r').filter((p) => p !== '');
        return parts.length ? parts[parts.length - 1] : '';
    });
    if (lines.length && lines[lines.length - 1] === '')
        lines.pop();
    return lines.slice(-TAIL_LINES).map((l) => (l.length > TAIL_LINE_CHARS ? `${l.slice(0, TAIL_LINE_CHARS)}…` : l));
}
function buildSummary(result, ctx) {
    const out = [];
    out.push(`## ${STATUS_ICON[result.status]} ${cell(title(ctx.ticket))}: ${result.status}`, '');
    out.push(escapeHtml(describeOutcome(result, ctx)), '');
    out.push('| output | value |', '|---|---|');
    for (const [name, value] of Object.entries(buildOutputs(result)))
        out.push(`| \`${name}\` | ${cell(value)} |`);
    out.push('');
    if (result.timeline.length > 0) {
        out.push('### Timeline', '', '| at | event |', '|---:|---|');
        for (const e of result.timeline) {
            out.push(`| +${formatOffset(e.at)} | ${TIMELINE_LABEL[e.kind]}${e.detail ? ` (${cell(e.detail)})` : ''} |`);
        }
        out.push('');
    }
    if (result.orphans.length > 0) {
        out.push(`### Orphans killed (${result.orphans.length})`, '', '| pid | command |', '|---:|---|');
        for (const p of result.orphans.slice(0, SUMMARY_ORPHAN_ROWS))
            out.push(`| ${p.pid} | ${cell(p.command)} |`);
        if (result.orphans.length > SUMMARY_ORPHAN_ROWS)
            out.push(`| … | ${result.orphans.length - SUMMARY_ORPHAN_ROWS} more |`);
        out.push('');
    }
    if (result.survivors.length > 0 || result.faults.length > 0) {
        out.push('### Not killed', '', '| pid | command | why |', '|---:|---|---|');
        for (const p of result.survivors.slice(0, SUMMARY_ORPHAN_ROWS))
            out.push(`| ${p.pid} | ${cell(p.command)} | alive after SIGKILL (state ${cell(p.state)}) |`);
        for (const f of result.faults.slice(0, SUMMARY_ORPHAN_ROWS))
            out.push(`| ${f.pid} | ${cell(f.command)} | ${cell(f.code)} |`);
        out.push('');
    }
    const head = out.join('\n');
    if (result.logBytes > 0 || result.tail.length > 0) {
        const lines = tailLines(result.tail);
        const block = [
            `<details><summary>Last ${lines.length} lines of the log (${escapeHtml(result.logFile)}, ${result.logBytes} bytes)</summary>`,
            '',
            `<pre>${escapeHtml(lines.join('\n'))}</pre>`,
            '</details>',
            '',
        ].join('\n');
        if (Buffer.byteLength(head) + Buffer.byteLength(block) < SUMMARY_MAX_BYTES - 1024)
            return `${head}\n${block}`;
    }
    return `${head}\n`;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/reaper.ts
/**
 * Finding every process of a run, and signalling them.
 *
 * Process groups and tree-kill miss processes that called setsid() and were reparented to
 * init, so membership is the union of:
 *  - every process whose environment carries RALPH_DISPATCH_RUN_ID=<run id> (the child's
 *    environment is tagged and every descendant inherits it; this is how the runner finds
 *    leftovers at job end, by RUNNER_TRACKING_ID);
 *  - the descendants of the child and of any member (by parent pid, to a fixed point), which
 *    catches a tool started with a scrubbed environment (`env -i`, sudo);
 *  - members of the process groups and sessions led by a member, remembered after their
 *    leader dies (under `stdin: tty` the session leader sits in a session of its own).
 *
 * Faults never throw: a /proc entry that vanishes mid-read is skipped, EPERM is reported.
 */



const MAX_COMMAND = 200;
// ---------------------------------------------------------------------------------------------
// Linux: /proc
// ---------------------------------------------------------------------------------------------
/** Parses /proc/<pid>/stat: `pid (comm) state ppid pgrp session ...`; comm may hold spaces and ')'. */
function parseProcStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    const rest = text.slice(close + 2).split(' ');
    const pid = Number(text.slice(0, open).trim());
    const [state, ppid, pgid, sid] = [rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3])];
    if (!Number.isInteger(pid) || !state || !Number.isInteger(ppid))
        return undefined;
    return { pid, ppid, pgid, sid, state, name: text.slice(open + 1, close) };
}
/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (NaN if absent). */
function procStartTicks(text) {
    const close = text.lastIndexOf(')');
    return close < 0 ? NaN : Number(text.slice(close + 2).split(' ', 20)[19]);
}
/** Whether a NUL-separated environment block holds exactly `tag` (NAME=value) as an entry. */
function environHasTag(environ, tag) {
    let from = 0;
    for (;;) {
        const at = environ.indexOf(tag, from);
        if (at < 0)
            return false;
        const end = at + tag.length;
        if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0))
            return true;
        from = at + 1;
    }
}
class LinuxProcSource {
    root;
    notBefore;
    /** Reused for every read: a sweep is thousands of tiny reads. */
    buf = Buffer.allocUnsafe(64 * 1024);
    /**
     * @param notBefore processes that started before this (clock ticks since boot) cannot carry
     *   the tag, and their environment is not read: a run's processes are all younger than the
     *   action that started them. Default: this process's own start (the main step). NaN: read all.
     */
    constructor(root = '/proc', notBefore = selfStartTicks(root)) {
        this.root = root;
        this.notBefore = notBefore;
    }
    /** Reads a /proc file into the shared buffer; its length, or -1 when it cannot be read. */
    read(file, whole) {
        let fd;
        try {
            fd = external_node_fs_namespaceObject.openSync(file, 'r');
        }
        catch {
            return -1;
        }
        try {
            let n = 0;
            for (;;) {
                if (n === this.buf.length) {
                    const bigger = Buffer.allocUnsafe(this.buf.length * 2);
                    this.buf.copy(bigger);
                    this.buf = bigger;
                }
                const got = external_node_fs_namespaceObject.readSync(fd, this.buf, n, this.buf.length - n, null);
                n += got;
                // stat comes whole from one read; environ may be longer than the buffer.
                if (got === 0 || !whole)
                    return n;
            }
        }
        catch {
            return -1;
        }
        finally {
            external_node_fs_namespaceObject.closeSync(fd);
        }
    }
    snapshot(tag) {
        const tagBytes = Buffer.from(tag);
        const entries = [];
        let names;
        try {
            names = external_node_fs_namespaceObject.readdirSync(this.root);
        }
        catch {
            return entries;
        }
        for (const name of names) {
            const c = name.charCodeAt(0);
            if (c < 48 || c > 57)
                continue;
            // Synchronous reads: a sweep is a few thousand tiny reads, and the thread pool would only
            // add latency. Any of them may fail because the process just exited: skip it.
            const n = this.read(`${this.root}/${name}/stat`, false);
            if (n <= 0)
                continue;
            const text = this.buf.toString('latin1', 0, n);
            const stat = parseProcStat(text);
            if (!stat)
                continue;
            let tagged = false;
            // Older than the action: cannot carry the tag (NaN compares false: read it).
            if (!(procStartTicks(text) < this.notBefore)) {
                const m = this.read(`${this.root}/${name}/environ`, true);
                // -1: EACCES (another user's process, e.g. one started through sudo) or gone: untagged.
                if (m > 0)
                    tagged = environHasTag(this.buf.subarray(0, m), tagBytes);
            }
            entries.push({ ...stat, tagged });
        }
        return entries;
    }
    commandLine(pid, fallback) {
        try {
            const raw = external_node_fs_namespaceObject.readFileSync(`${this.root}/${pid}/cmdline`, 'utf8');
            const text = raw.replace(/\0+$/, '').replaceAll('\0', ' ');
            return truncate(text || `[${fallback}]`);
        }
        catch {
            return `[${fallback}]`;
        }
    }
}
/** This process's start, in clock ticks since boot; NaN when /proc does not say. */
function selfStartTicks(root = '/proc') {
    try {
        return procStartTicks(external_node_fs_namespaceObject.readFileSync(`${root}/self/stat`, 'latin1'));
    }
    catch {
        return NaN;
    }
}
// ---------------------------------------------------------------------------------------------
// macOS: ps, with the environment appended to the command (`ps eww`)
// ---------------------------------------------------------------------------------------------
const PS_ARGS = ['-axeww', '-o', 'pid=,ppid=,pgid=,stat=,command='];
/** Parses `ps -axeww -o pid=,ppid=,pgid=,stat=,command=`: the environment follows the command. */
function parsePsOutput(text, tag) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
        if (!m)
            continue;
        const rest = m[5];
        const at = rest.indexOf(tag);
        const tagged = at >= 0 && (at === 0 || rest[at - 1] === ' ') && (at + tag.length === rest.length || rest[at + tag.length] === ' ');
        // Without a separator between command and environment, cut at the first NAME= word.
        const envStart = rest.search(/ [A-Za-z_][A-Za-z0-9_]*=/);
        const command = envStart >= 0 ? rest.slice(0, envStart) : rest;
        out.push({
            pid: Number(m[1]),
            ppid: Number(m[2]),
            pgid: Number(m[3]),
            sid: -1,
            state: m[4][0],
            tagged,
            name: command.split(' ')[0],
            command: truncate(command),
        });
    }
    return out;
}
class PsSource {
    commands = new Map();
    snapshot(tag) {
        const res = (0,external_node_child_process_namespaceObject.spawnSync)('ps', PS_ARGS, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        const entries = parsePsOutput(res.stdout ?? '', tag);
        this.commands = new Map(entries.map((e) => [e.pid, e.command]));
        return entries;
    }
    commandLine(pid, fallback) {
        return this.commands.get(pid) ?? `[${fallback}]`;
    }
}
// ---------------------------------------------------------------------------------------------
// Windows: no environment scan; the tree is killed with `taskkill /T`.
// ---------------------------------------------------------------------------------------------
/** PIDs that `taskkill /T` reports as terminated ("SUCCESS: The process with PID 1234 ..."). */
function parseTaskkillOutput(text) {
    const pids = [];
    for (const m of text.matchAll(/^SUCCESS:.*?PID (\d+)/gm))
        pids.push(Number(m[1]));
    return pids;
}
function taskkillTree(pid, force) {
    const args = ['/PID', String(pid), '/T', ...(force ? ['/F'] : [])];
    const res = (0,external_node_child_process_namespaceObject.spawnSync)('taskkill', args, { encoding: 'utf8', windowsHide: true });
    return parseTaskkillOutput(res.stdout ?? '');
}
// ---------------------------------------------------------------------------------------------
// Membership
// ---------------------------------------------------------------------------------------------
function truncate(text) {
    return text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text;
}
const DEAD_STATES = new Set(['Z', 'X', 'x']);
/**
 * The processes of one run. Holds only what a run needs to remember between sweeps (its root
 * and the groups and sessions its members led); one instance per run, no module state.
 */
class RunProcesses {
    runId;
    source;
    selfPid;
    kill;
    tag;
    roots = new Set();
    groups = new Set();
    sessions = new Set();
    constructor(runId, source = defaultSource(), selfPid = process.pid, kill = (pid, signal) => process.kill(pid, signal)) {
        this.runId = runId;
        this.source = source;
        this.selfPid = selfPid;
        this.kill = kill;
        this.tag = `${RUN_ID_ENV}=${runId}`;
    }
    /** The process we spawned: its descendants are members even if their environment is scrubbed. */
    addRoot(pid) {
        this.roots.add(pid);
        // Spawned detached, the root leads its own group and session: remember them now, so that
        // an untagged tool left in them is found even if the root exits before the first scan.
        if (process.platform !== 'win32') {
            this.groups.add(pid);
            this.sessions.add(pid);
        }
    }
    /** Live members (zombies are dead and not listed). */
    scan() {
        if (this.source instanceof WindowsTreeSource)
            return this.liveRoots();
        const table = this.source.snapshot(this.tag);
        const byPid = new Map();
        const children = new Map();
        const inGroup = new Map();
        const inSession = new Map();
        const index = (map, key, e) => {
            const list = map.get(key);
            if (list)
                list.push(e);
            else
                map.set(key, [e]);
        };
        for (const e of table) {
            byPid.set(e.pid, e);
            index(children, e.ppid, e);
            index(inGroup, e.pgid, e);
            if (e.sid > 0)
                index(inSession, e.sid, e);
        }
        const members = new Map();
        const queue = [];
        const admit = (e) => {
            if (!e || e.pid === this.selfPid || members.has(e.pid))
                return;
            members.set(e.pid, e);
            queue.push(e);
        };
        for (const e of table) {
            if (e.tagged || this.groups.has(e.pgid) || (e.sid > 0 && this.sessions.has(e.sid)))
                admit(e);
        }
        for (const root of this.roots)
            admit(byPid.get(root));
        while (queue.length > 0) {
            const e = queue.pop();
            if (e.pgid === e.pid)
                this.groups.add(e.pid);
            if (e.sid === e.pid)
                this.sessions.add(e.pid);
            for (const child of children.get(e.pid) ?? [])
                admit(child);
            // The group or session this member leads may hold more members.
            for (const other of inGroup.get(e.pid) ?? [])
                admit(other);
            for (const other of inSession.get(e.pid) ?? [])
                admit(other);
        }
        const live = [];
        for (const e of members.values()) {
            if (DEAD_STATES.has(e.state))
                continue;
            live.push({ pid: e.pid, ppid: e.ppid, state: e.state, command: this.source.commandLine(e.pid, e.name) });
        }
        return live;
    }
    liveRoots() {
        const live = [];
        for (const pid of this.roots) {
            try {
                this.kill(pid, 0);
                live.push({ pid, ppid: this.selfPid, state: 'R', command: `[${pid}]` });
            }
            catch {
                // gone
            }
        }
        return live;
    }
    /**
     * Sends `signal` to each process; returns the faults (EPERM and the like). ESRCH means it
     * is already gone, which is what we wanted.
     */
    signal(procs, signal) {
        const faults = [];
        if (this.source instanceof WindowsTreeSource) {
            // taskkill without /F asks politely (WM_CLOSE); /F terminates.
            for (const p of procs)
                taskkillTree(p.pid, signal === 'SIGKILL');
            return faults;
        }
        for (const p of procs) {
            try {
                this.kill(p.pid, signal);
            }
            catch (e) {
                const code = e.code ?? String(e);
                if (code !== 'ESRCH')
                    faults.push({ pid: p.pid, command: p.command, code });
            }
        }
        return faults;
    }
}
/**
 * Windows has neither /proc nor `ps e`: the run is the tree under the root, which only
 * `taskkill /T` walks. The snapshot lists the roots still alive; signalling one kills its tree.
 */
class WindowsTreeSource {
    snapshot() {
        return [];
    }
    commandLine(_pid, fallback) {
        return `[${fallback}]`;
    }
}
function defaultSource(platform = process.platform) {
    if (platform === 'linux')
        return new LinuxProcSource();
    if (platform === 'win32')
        return new WindowsTreeSource();
    return new PsSource();
}

;// CONCATENATED MODULE: ./src/terminate.ts
const POLL_MS = 25;
/** How long SIGKILL may take before a survivor is reported (outside a cancel). */
const KILL_WAIT_MS = 2000;
/**
 * The runner's cancel window: SIGINT to our PID, SIGTERM 7.5 s later, SIGKILL 2.5 s after
 * that. On the first signal the sequence is squeezed to EOF, 1 s, SIGTERM, 3 s, SIGKILL (with
 * 1 s for it to take), leaving time to report; on the second, straight to SIGKILL.
 */
function cancelGraces(signalsReceived) {
    return signalsReceived <= 1 ? { eofMs: 1000, termMs: 3000, killMs: 1000 } : { eofMs: 0, termMs: 0, killMs: 1000 };
}
class Escalation {
    target;
    graces;
    now;
    onStep;
    steps = [];
    faults = [];
    leftovers = new Map();
    wake;
    constructor(target, graces, now, onStep = () => undefined) {
        this.target = target;
        this.graces = graces;
        this.now = now;
        this.onStep = onStep;
    }
    /** Shortens the remaining waits (cancellation); a wait in progress re-checks at once. */
    compress(limit) {
        this.graces = {
            eofMs: Math.min(this.graces.eofMs, limit.eofMs),
            termMs: Math.min(this.graces.termMs, limit.termMs),
            killMs: Math.min(this.graces.killMs, limit.killMs),
        };
        this.wake?.();
    }
    /** Runs the sequence from EOF (or from SIGTERM when `withEof` is false). */
    async run(withEof) {
        if (withEof && !this.target.childExited() && this.target.sendEof()) {
            const at = this.record('eof', 1);
            await this.waitUntil(at, 'eofMs', false);
        }
        // term-grace runs from when SIGTERM was due, not from the end of the scan that finds its
        // targets (tens of ms with thousands of processes on the machine).
        const termDue = this.now();
        let live = this.scanForStep();
        if (live.length > 0) {
            this.record('sigterm', this.send(live, 'SIGTERM'));
            await this.waitUntil(termDue, 'termMs', true);
            live = this.scanForStep();
        }
        if (live.length > 0) {
            live = await this.killAll(live);
        }
        return {
            steps: this.steps,
            faults: dedupeFaults(this.faults),
            leftovers: [...this.leftovers.values()],
            survivors: live,
            endedAt: this.now(),
        };
    }
    /** SIGKILL everything, again and again until nothing is left: processes fork while we kill. */
    async killAll(first) {
        const at = this.now();
        this.record('sigkill', this.send(first, 'SIGKILL'));
        let live = first;
        for (let again = false;; again = true) {
            if (again)
                this.send(live, 'SIGKILL');
            const remaining = at + this.graces.killMs - this.now();
            if (remaining <= 0)
                break;
            await this.sleep(this.target.childExited() ? Math.min(POLL_MS, remaining) : remaining, !this.target.childExited());
            live = this.scanForStep();
            if (live.length === 0)
                return live;
        }
        return this.scanForStep();
    }
    send(live, signal) {
        const { sent, faults } = this.target.signal(live, signal);
        this.faults.push(...faults);
        return sent;
    }
    scanForStep() {
        const live = this.target.scan();
        if (this.target.childExited())
            for (const p of live)
                this.leftovers.set(p.pid, p);
        return live;
    }
    record(step, count) {
        const event = { step, at: this.now(), count };
        this.steps.push(event);
        this.onStep(event);
        return event.at;
    }
    /** Until the child has exited (and, with `all`, nothing of the run is left) or the grace ends. */
    async waitUntil(stepAt, grace, all) {
        for (;;) {
            const remaining = stepAt + this.graces[grace] - this.now();
            if (remaining <= 0)
                return;
            if (!this.target.childExited()) {
                await this.sleep(remaining, true);
                continue;
            }
            if (!all || this.target.scan().length === 0)
                return;
            await this.sleep(Math.min(POLL_MS, remaining), false);
        }
    }
    /** Sleeps `ms`, or less when the child exits (if asked) or the graces are compressed. */
    sleep(ms, untilChildExit) {
        return new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                this.wake = undefined;
                resolve();
            };
            const timer = setTimeout(done, ms);
            this.wake = done;
            if (untilChildExit)
                void this.target.childExit.then(done);
        });
    }
}
function dedupeFaults(faults) {
    const seen = new Map();
    for (const f of faults)
        seen.set(`${f.pid}:${f.code}`, f);
    return [...seen.values()];
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * The post step (`post-if: always()`): the main step may have been SIGKILLed (the runner's
 * hard kill on cancel, the OOM killer) before it could reap. Sweep for anything that still
 * carries this run's tag and kill it. With nothing to do it prints nothing.
 */







async function main() {
    let code;
    try {
        code = await run();
    }
    catch (e) {
        setFailed(`ralph-dispatch post step failed: ${e.stack ?? String(e)}`);
        code = 1;
    }
    await flushAndExit(code);
}
async function run() {
    const runId = getState(State.RunId);
    if (!runId)
        return 0;
    // By the tag only: a pid saved by main may belong to another process by now. The run's
    // processes are older than this step, so every environment is read (NaN: no age filter).
    const processes = new RunProcesses(runId, process.platform === 'linux' ? new LinuxProcSource('/proc', NaN) : defaultSource());
    if (processes.scan().length === 0)
        return 0;
    let termMs = 5000;
    try {
        termMs = parseDuration(getInput(Inputs.TermGrace) || '5s');
    }
    catch {
        // Main already reported a bad value; sweep with the default.
    }
    const result = await new Escalation({
        childExited: () => true,
        childExit: Promise.resolve(),
        sendEof: () => false,
        scan: () => processes.scan(),
        signal: (live, signal) => ({ sent: live.length, faults: processes.signal(live, signal) }),
    }, { eofMs: 0, termMs, killMs: KILL_WAIT_MS }, () => performance.now()).run(false);
    const ticket = getState(State.Ticket);
    const killed = result.leftovers.filter((p) => !result.survivors.some((s) => s.pid === p.pid));
    const names = (list) => list.slice(0, 5).map((p) => `${p.pid} ${p.command}`).join(', ') + (list.length > 5 ? ` (+${list.length - 5} more)` : '');
    if (killed.length > 0) {
        warning(`${killed.length} process(es) of the run survived the main step and were killed in post: ${names(killed)}`, {
            title: `${title(ticket)}: post-step sweep`,
        });
    }
    if (result.survivors.length > 0 || result.faults.length > 0) {
        const faults = result.faults.map((f) => `${f.pid} (${f.code})`).join(', ');
        warning(`could not kill: ${names(result.survivors)}${faults ? `; signals refused: ${faults}` : ''}`, {
            title: `${title(ticket)}: post-step sweep`,
        });
    }
    return 0;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(344);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
