import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 855:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var childProcess = __nccwpck_require__(317);
var spawn = childProcess.spawn;
var exec = childProcess.exec;

module.exports = function (pid, signal, callback) {
    if (typeof signal === 'function' && callback === undefined) {
        callback = signal;
        signal = undefined;
    }

    pid = parseInt(pid);
    if (Number.isNaN(pid)) {
        if (callback) {
            return callback(new Error("pid must be a number"));
        } else {
            throw new Error("pid must be a number");
        }
    }

    var tree = {};
    var pidsToProcess = {};
    tree[pid] = [];
    pidsToProcess[pid] = 1;

    switch (process.platform) {
    case 'win32':
        exec('taskkill /pid ' + pid + ' /T /F', callback);
        break;
    case 'darwin':
        buildProcessTree(pid, tree, pidsToProcess, function (parentPid) {
          return spawn('pgrep', ['-P', parentPid]);
        }, function () {
            killAll(tree, signal, callback);
        });
        break;
    // case 'sunos':
    //     buildProcessTreeSunOS(pid, tree, pidsToProcess, function () {
    //         killAll(tree, signal, callback);
    //     });
    //     break;
    default: // Linux
        buildProcessTree(pid, tree, pidsToProcess, function (parentPid) {
          return spawn('ps', ['-o', 'pid', '--no-headers', '--ppid', parentPid]);
        }, function () {
            killAll(tree, signal, callback);
        });
        break;
    }
};

function killAll (tree, signal, callback) {
    var killed = {};
    try {
        Object.keys(tree).forEach(function (pid) {
            tree[pid].forEach(function (pidpid) {
                if (!killed[pidpid]) {
                    killPid(pidpid, signal);
                    killed[pidpid] = 1;
                }
            });
            if (!killed[pid]) {
                killPid(pid, signal);
                killed[pid] = 1;
            }
        });
    } catch (err) {
        if (callback) {
            return callback(err);
        } else {
            throw err;
        }
    }
    if (callback) {
        return callback();
    }
}

function killPid(pid, signal) {
    try {
        process.kill(parseInt(pid, 10), signal);
    }
    catch (err) {
        if (err.code !== 'ESRCH') throw err;
    }
}

function buildProcessTree (parentPid, tree, pidsToProcess, spawnChildProcessesList, cb) {
    var ps = spawnChildProcessesList(parentPid);
    var allData = '';
    ps.stdout.on('data', function (data) {
        var data = data.toString('ascii');
        allData += data;
    });

    var onClose = function (code) {
        delete pidsToProcess[parentPid];

        if (code != 0) {
            // no more parent processes
            if (Object.keys(pidsToProcess).length == 0) {
                cb();
            }
            return;
        }

        allData.match(/\d+/g).forEach(function (pid) {
          pid = parseInt(pid, 10);
          tree[parentPid].push(pid);
          tree[pid] = [];
          pidsToProcess[pid] = 1;
          buildProcessTree(pid, tree, pidsToProcess, spawnChildProcessesList, cb);
        });
    };

    ps.on('close', onClose);
}


/***/ }),

/***/ 344:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(664);

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 664:
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
    /** When main started (reaper.selfStart()): a process older than main is not the run's. */
    MainStart: 'main-start',
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
 * first, and the step that ended the session (`termination`). Steps sent after that went to
 * orphans (processes of the run outside the session), and say so.
 */
function describeSequence(result) {
    const steps = result.timeline.filter((e) => e.kind === 'eof' || e.kind === 'sigterm' || e.kind === 'sigkill');
    if (steps.length === 0)
        return '';
    const t0 = steps[0].at;
    const name = (kind) => (kind === 'eof' ? 'EOF' : kind.toUpperCase());
    const timed = (e, i) => `${name(e.kind)}${i === 0 ? '' : ` at +${formatDuration(e.at - t0)}`}`;
    const t = result.termination;
    const ending = t && t !== 'natural' ? steps.findIndex((e) => e.kind === t) : -1;
    const forSession = ending >= 0 ? steps.slice(0, ending + 1) : [];
    const forOrphans = steps.slice(forSession.length);
    const parts = [];
    if (forSession.length > 0)
        parts.push(`${forSession.map(timed).join(', ')}; ended by ${name(forSession[forSession.length - 1].kind)}`);
    else
        parts.push(t === 'natural' ? 'ended by itself' : howItEnded(result));
    if (forOrphans.length > 0)
        parts.push(`${forOrphans.map((e) => timed(e, steps.indexOf(e))).join(', ')} to orphans`);
    return parts.join('; ');
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

;// CONCATENATED MODULE: ./src/reaper/types.ts
/** What a platform can tell about processes, and what the reaper reports about them. */
const MAX_COMMAND = 200;
function truncate(text) {
    return text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text;
}
/** Whether two start times can be the same process (unknown matches anything). */
function sameStart(a, b) {
    return a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || a === b;
}
const DEAD_STATES = new Set(['Z', 'X', 'x']);

;// CONCATENATED MODULE: ./src/reaper/membership.ts
/**
 * Who belongs to a run, from one snapshot of the process table. A process is a member when it
 * started at or after the action (`notBefore`) and
 *  - its environment carries RALPH_DISPATCH_RUN_ID=<run id> (inherited by every descendant), or
 *  - it is the root we spawned, or a child of a member (a tool started with `env -i`), or
 *  - it is in a process group or session that a member led (under `stdin: tty` the shell
 *    leads a session of its own); remembered after the leader died.
 *
 * Identity is (pid, start time): a remembered root, group or session counts only while the
 * process holding its id is the one that was remembered. A group or session whose leader is
 * gone counts while it has members (the kernel does not hand out a pid still in use as a group
 * or session id) and is forgotten once it is seen empty.
 */

class Membership {
    tag;
    notBefore;
    selfPid;
    rootStarts = new Map();
    groups = new Map();
    sessions = new Map();
    /** Young zombies of the last snapshot: dead before it, so they cannot have forked since. */
    zombies = new Map();
    constructor(tag, notBefore, selfPid) {
        this.tag = tag;
        this.notBefore = notBefore;
        this.selfPid = selfPid;
    }
    /** The process we spawned (detached: it leads its own group and session). */
    addRoot(pid, start, leader) {
        this.rootStarts.set(pid, start);
        if (leader) {
            this.groups.set(pid, start);
            this.sessions.set(pid, start);
        }
    }
    roots() {
        return this.rootStarts;
    }
    young(e) {
        return !(e.start < this.notBefore);
    }
    /**
     * The members in one snapshot (zombies included: they hold groups and sessions). `settled`
     * is false when the snapshot may hide a member: a listed process that vanished before it was
     * read, or a young process found dead that was not dead at the previous snapshot, may have
     * forked a child after the directory was listed. A fresh snapshot lists that child.
     */
    admit(snapshot) {
        const { entries } = snapshot;
        let settled = snapshot.vanished.every((pid) => this.zombies.has(pid));
        const zombies = new Map();
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
        for (const e of entries) {
            byPid.set(e.pid, e);
            if (!this.young(e))
                continue;
            if (DEAD_STATES.has(e.state)) {
                zombies.set(e.pid, e.start);
                if (!this.zombies.has(e.pid) || !sameStart(this.zombies.get(e.pid), e.start))
                    settled = false;
            }
            index(children, e.ppid, e);
            index(inGroup, e.pgid, e);
            if (e.sid > 0)
                index(inSession, e.sid, e);
        }
        this.zombies = zombies;
        // Forget what another process now holds, and leaderless groups and sessions seen empty.
        const holds = (id, start, members) => {
            const holder = byPid.get(id);
            return holder ? sameStart(start, holder.start) : members.has(id);
        };
        for (const [id, start] of this.groups)
            if (!holds(id, start, inGroup))
                this.groups.delete(id);
        for (const [id, start] of this.sessions)
            if (!holds(id, start, inSession))
                this.sessions.delete(id);
        for (const [pid, start] of this.rootStarts) {
            const holder = byPid.get(pid);
            if (!holder || !sameStart(start, holder.start))
                this.rootStarts.delete(pid);
        }
        const members = new Map();
        const queue = [];
        const admit = (e) => {
            if (!e || e.pid === this.selfPid || members.has(e.pid) || !this.young(e))
                return;
            members.set(e.pid, e);
            queue.push(e);
        };
        for (const e of entries) {
            if (e.tagged || this.groups.has(e.pgid) || (e.sid > 0 && this.sessions.has(e.sid)))
                admit(e);
        }
        for (const pid of this.rootStarts.keys())
            admit(byPid.get(pid));
        while (queue.length > 0) {
            const e = queue.pop();
            if (e.pgid === e.pid && !this.groups.has(e.pid))
                this.groups.set(e.pid, e.start);
            if (e.sid === e.pid && !this.sessions.has(e.pid))
                this.sessions.set(e.pid, e.start);
            for (const child of children.get(e.pid) ?? [])
                admit(child);
            // The group or session this member leads may hold more members.
            for (const other of inGroup.get(e.pid) ?? [])
                admit(other);
            for (const other of inSession.get(e.pid) ?? [])
                admit(other);
        }
        return { members: [...members.values()], settled };
    }
}

;// CONCATENATED MODULE: ./src/reaper/posix.ts
/** What the platforms with a process table (Linux, macOS) share: the stable scan, and kill(2). */

/**
 * Re-reads of the table allowed for one scan when it is not settled. A re-read lists the
 * directory again and reads only the pids that are new since the last listing (the children a
 * dying process may have forked): a millisecond or two, whatever the size of the table.
 */
const MAX_REREADS = 8;
/**
 * The live members, from a table that is settled (see Membership.admit): a member that forks
 * and exits while the table is read cannot hide its child from any step.
 */
async function postAdmitted(run, read, commandLine) {
    let last;
    for (let reread = 0;; reread++) {
        last = await read(last);
        const { members, settled } = run.admit(last);
        if (settled || reread >= MAX_REREADS) {
            const live = [];
            for (const e of members) {
                if (DEAD_STATES.has(e.state))
                    continue;
                live.push({ pid: e.pid, ppid: e.ppid, pgid: e.pgid, sid: e.sid, start: e.start, state: e.state, command: commandLine(e.pid, e.name) });
            }
            return live;
        }
    }
}
/**
 * kill(2) to each process that still holds its pid (same start time). ESRCH means it is
 * already gone, which is what we wanted; EPERM and the like are faults, never thrown.
 */
function posixSignal(procs, signal, kill, stillHeld) {
    const delivered = [];
    const faults = [];
    for (const p of procs) {
        if (!stillHeld(p))
            continue;
        try {
            kill(p.pid, signal);
            delivered.push(p);
        }
        catch (e) {
            const code = e.code ?? String(e);
            if (code !== 'ESRCH')
                faults.push({ pid: p.pid, command: p.command, code });
        }
    }
    return { delivered, faults };
}

;// CONCATENATED MODULE: ./src/reaper/linux.ts
/**
 * Linux: the process table from /proc, read synchronously (a sweep is thousands of tiny
 * reads; the thread pool would only add latency).
 */



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
/** This process's start, in clock ticks since boot; NaN when /proc does not say. */
function selfStartTicks(root = '/proc') {
    try {
        return procStartTicks(external_node_fs_namespaceObject.readFileSync(`${root}/self/stat`, 'latin1'));
    }
    catch {
        return NaN;
    }
}
/** read() results besides a length. */
const GONE = -1;
const REFUSED = -2;
class LinuxProcSource {
    root;
    notBefore;
    kill;
    /** Reused for every read: a sweep is thousands of tiny reads. */
    buf = Buffer.allocUnsafe(64 * 1024);
    /**
     * @param notBefore for `snapshot()` alone: environments of processes older than this are
     *   not read (a run's scan takes its own age limit from the run). NaN: read all.
     * @param kill kill(2), replaceable to inject faults.
     */
    constructor(root = '/proc', notBefore = selfStartTicks(root), kill = (pid, signal) => process.kill(pid, signal)) {
        this.root = root;
        this.notBefore = notBefore;
        this.kill = kill;
    }
    /** Reads a /proc file into the shared buffer; its length, GONE or REFUSED. */
    read(file, whole) {
        let fd;
        try {
            fd = external_node_fs_namespaceObject.openSync(file, 'r');
        }
        catch (e) {
            return gone(e) ? GONE : REFUSED;
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
        catch (e) {
            return gone(e) ? GONE : REFUSED;
        }
        finally {
            external_node_fs_namespaceObject.closeSync(fd);
        }
    }
    /**
     * One pass over /proc. The environment (for the tag) is read only for processes that started
     * at or after `notBefore`: a run's processes are all younger than the action.
     */
    table(tag, notBefore, since) {
        const tagBytes = Buffer.from(tag);
        const entries = [];
        const vanished = [];
        const listed = new Set();
        let names;
        try {
            names = external_node_fs_namespaceObject.readdirSync(this.root);
        }
        catch {
            return { entries, vanished, listed };
        }
        for (const name of names) {
            const c = name.charCodeAt(0);
            if (c < 48 || c > 57)
                continue;
            listed.add(Number(name));
        }
        // A re-read: what was read stays as read (if still listed); only new pids are read.
        if (since?.listed)
            for (const e of since.entries)
                if (listed.has(e.pid))
                    entries.push(e);
        for (const name of names) {
            const c = name.charCodeAt(0);
            if (c < 48 || c > 57)
                continue;
            if (since?.listed?.has(Number(name)))
                continue;
            const n = this.read(`${this.root}/${name}/stat`, false);
            if (n <= 0) {
                if (n === GONE)
                    vanished.push(Number(name));
                continue;
            }
            const text = this.buf.toString('latin1', 0, n);
            const stat = parseProcStat(text);
            if (!stat)
                continue;
            const start = procStartTicks(text);
            let tagged = false;
            let state = stat.state;
            // Older than the action: cannot carry the tag (NaN compares false: read it).
            if (!(start < notBefore)) {
                const m = this.read(`${this.root}/${name}/environ`, true);
                if (m > 0)
                    tagged = environHasTag(this.buf.subarray(0, m), tagBytes);
                else if (m === GONE || (m === 0 && state !== 'Z')) {
                    // Empty (`env -i`) or unreadable (ESRCH for some live processes too): it may also have
                    // died after its stat was read. Its stat again says which.
                    const now = this.stateOf(name);
                    if (now === undefined) {
                        vanished.push(stat.pid);
                        continue;
                    }
                    state = now;
                }
                // REFUSED: another user's process (one started through sudo): untagged.
            }
            entries.push({ ...stat, state, tagged, start });
        }
        return { entries, vanished, listed };
    }
    stateOf(name) {
        const n = this.read(`${this.root}/${name}/stat`, false);
        return n > 0 ? parseProcStat(this.buf.toString('latin1', 0, n))?.state : undefined;
    }
    /** The table as a list, with this source's own age limit (for one-off checks). */
    snapshot(tag) {
        return [...this.table(tag, this.notBefore).entries];
    }
    async scan(run) {
        return postAdmitted(run, (since) => this.table(run.tag, run.notBefore, since), (pid, fallback) => this.commandLine(pid, fallback));
    }
    async signal(procs, signal) {
        return posixSignal(procs, signal, this.kill, (p) => {
            // Gone, or its pid now names another process: not ours to signal.
            if (p.start === undefined || Number.isNaN(p.start))
                return true;
            return this.startOf(p.pid) === p.start;
        });
    }
    startOf(pid) {
        const n = this.read(`${this.root}/${pid}/stat`, false);
        return n > 0 ? procStartTicks(this.buf.toString('latin1', 0, n)) : NaN;
    }
    selfStart() {
        return selfStartTicks(this.root);
    }
    exited(pid) {
        const state = this.stateOf(String(pid));
        return state === undefined || DEAD_STATES.has(state);
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
function gone(e) {
    const code = e.code;
    return code === 'ENOENT' || code === 'ESRCH';
}

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
// EXTERNAL MODULE: external "child_process"
var external_child_process_ = __nccwpck_require__(317);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
// EXTERNAL MODULE: ./node_modules/tree-kill/index.js
var tree_kill = __nccwpck_require__(855);
var tree_kill_default = /*#__PURE__*/__nccwpck_require__.n(tree_kill);
;// CONCATENATED MODULE: ./src/reaper/ps.ts
/**
 * macOS (and any POSIX system without /proc): `ps eww` lists every process with its
 * environment appended to the command, which is where the run's tag shows. Signals go to each
 * member and, through tree-kill, to its descendants (tree-kill walks `pgrep -P`).
 */




/** lstart is a fixed-width local date (`Tue Dec  1 08:25:50 2026`): identity to the second. */
const PS_ARGS = ['-axeww', '-o', 'pid=,ppid=,pgid=,stat=,lstart=,command='];
/** Parses `ps -axeww -o pid=,ppid=,pgid=,stat=,lstart=,command=`: the environment follows the command. */
function parsePsOutput(text, tag) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\s+(.*)$/.exec(line);
        if (!m)
            continue;
        const rest = m[6];
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
            start: Date.parse(m[5].replace(/ +/g, ' ')),
            command: truncate(command),
        });
    }
    return out;
}
class PsSource {
    commands = new Map();
    starts = new Map();
    async table(tag) {
        const res = await getExecOutput('ps', PS_ARGS, { silent: true, ignoreReturnCode: true });
        const entries = parsePsOutput(res.stdout, tag);
        this.commands = new Map(entries.map((e) => [e.pid, e.command]));
        this.starts = new Map(entries.map((e) => [e.pid, e.start]));
        return entries;
    }
    async scan(run) {
        return postAdmitted(run, async () => ({ entries: await this.table(run.tag), vanished: [] }), (pid, fallback) => this.commands.get(pid) ?? `[${fallback}]`);
    }
    async signal(procs, signal) {
        const delivered = [];
        const faults = [];
        for (const p of procs) {
            const err = await new Promise((resolve) => tree_kill_default()(p.pid, signal, (e) => resolve(e ?? undefined)));
            const code = err?.code;
            if (!err)
                delivered.push(p);
            else if (code !== 'ESRCH')
                faults.push({ pid: p.pid, command: p.command, code: code ?? String(err) });
        }
        return { delivered, faults };
    }
    startOf(pid) {
        return this.starts.get(pid) ?? NaN;
    }
    exited() {
        return false;
    }
    /** This process's start, floored to the second as lstart gives it. */
    selfStart() {
        return Math.floor((Date.now() - performance.now()) / 1000) * 1000;
    }
}

;// CONCATENATED MODULE: ./src/reaper/windows.ts
/**
 * Windows has neither /proc nor `ps e`: the run is the tree under the root, which tree-kill
 * ends with `taskkill /T /F`. A scan lists the roots still alive.
 */

class WindowsTreeSource {
    alive;
    constructor(alive = probe) {
        this.alive = alive;
    }
    async scan(run) {
        const live = [];
        for (const pid of run.roots().keys())
            if (this.alive(pid))
                live.push({ pid, ppid: process.pid, state: 'R', command: `[${pid}]` });
        return live;
    }
    /** Every signal ends the tree: Windows has no SIGTERM to ask politely with. */
    async signal(procs) {
        const delivered = [];
        const faults = [];
        for (const p of procs) {
            const err = await new Promise((resolve) => tree_kill_default()(p.pid, 'SIGKILL', (e) => resolve(e ?? undefined)));
            if (!err)
                delivered.push(p);
            else
                faults.push({ pid: p.pid, command: p.command, code: err.code ?? err.message.split('\n')[0] });
        }
        return { delivered, faults };
    }
    startOf() {
        return NaN;
    }
    selfStart() {
        return NaN;
    }
    exited(pid) {
        return !this.alive(pid);
    }
}
function probe(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/reaper.ts
/**
 * Finding every process of a run, and signalling them. Each platform answers for itself behind
 * ProcessSource (src/reaper/: Linux /proc, macOS `ps eww`, Windows tree-kill); who is a member
 * is decided in src/reaper/membership.ts.
 *
 * Process groups and tree-kill miss processes that called setsid() and were reparented to
 * init, so membership is the union of the run's environment tag, descendants of members, and
 * the groups and sessions members led; every member started after the action, and every
 * remembered id counts only while the same process (pid and start time) holds it.
 *
 * Faults never throw: a /proc entry that vanishes mid-read triggers a re-read, EPERM is reported.
 */









/** The processes of one run. One instance per run, no module state. */
class RunProcesses {
    runId;
    source;
    membership;
    constructor(runId, options = {}) {
        this.runId = runId;
        this.source = options.source ?? defaultSource();
        const notBefore = options.notBefore ?? this.source.selfStart();
        this.membership = new Membership(`${RUN_ID_ENV}=${runId}`, notBefore, options.selfPid ?? process.pid);
    }
    /**
     * The process we spawned: its descendants are members even if their environment is
     * scrubbed. Spawned detached (not on Windows), it leads its own group and session: they are
     * remembered now, so that an untagged tool left in them is found even if the root exits
     * before the first scan. Call it right after spawn, while the pid is surely the child's.
     */
    addRoot(pid) {
        this.membership.addRoot(pid, this.source.startOf(pid), process.platform !== 'win32');
    }
    /** When the root started (the source's unit), NaN when unknown. */
    rootStart(pid) {
        return this.membership.roots().get(pid) ?? NaN;
    }
    /** Whether the process `pid` has exited (a zombie counts); false when the platform cannot say. */
    exited(pid) {
        return this.source.exited(pid);
    }
    /** Live members (zombies are dead and not listed), from a settled read of the table. */
    scan() {
        return this.source.scan(this.membership);
    }
    /** Sends `signal` to each process still holding its pid; the ones it reached, and the faults. */
    signal(procs, signal) {
        return this.source.signal(procs, signal);
    }
}
function defaultSource(platform = process.platform) {
    if (platform === 'linux')
        return new LinuxProcSource();
    if (platform === 'win32')
        return new WindowsTreeSource();
    return new PsSource();
}
/** This process's start in the default source's unit: main saves it for post (see post.ts). */
function selfStart() {
    return defaultSource().selfStart();
}

;// CONCATENATED MODULE: ./src/terminate.ts
/** Re-scan interval once the child has exited, inside a grace period. */
const POLL_MS = 25;
/** After SIGKILL: processes die within milliseconds. */
const KILL_POLL_MS = 5;
/** The second scan that confirms "nothing left". */
const CONFIRM_MS = 5;
/** The longest head start a pre-scan takes before a step is due. */
const MAX_LEAD_MS = 250;
/** How long SIGKILL may take before a survivor is reported (outside a cancel). */
const KILL_WAIT_MS = 2000;
/**
 * The runner's cancel window: SIGINT to our PID, SIGTERM 7.5 s later, SIGKILL 2.5 s after
 * that. On the first signal the sequence is squeezed to EOF, 1 s, SIGTERM, 3 s, SIGKILL (with
 * 1 s for it to take), leaving time to report; on the second, straight to SIGKILL.
 */
function cancelGraces(signalsReceived) {
    return signalsReceived <= 1 ? { eofMs: 1000, termMs: 3000, killMs: 1000 } : { eofMs: 0, termMs: 0, killMs: 1000, direct: true };
}
class Escalation {
    target;
    graces;
    now;
    onStep;
    steps = [];
    faults = [];
    reached = new Map();
    sessionStep;
    goneAt;
    /** How long the last scan took: the head start of a pre-scan. */
    scanMs = 0;
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
            direct: this.graces.direct === true || limit.direct === true,
        };
        this.wake?.();
    }
    /** Runs the sequence from EOF (or from SIGTERM when `withEof` is false). */
    async run(withEof) {
        if (withEof && !this.graces.direct && !this.target.childExited() && this.target.sendEof()) {
            this.sessionStep = 'eof';
            const at = this.record('eof', { count: 1, session: true, childRunning: true });
            await this.waitForChild(at, 'eofMs');
        }
        // term-grace runs from when SIGTERM was due, not from the end of the scan that finds its
        // targets (tens of ms with thousands of processes on the machine).
        const termDue = this.now();
        let live = await this.scanConfirmed();
        if (live.length > 0 && !this.graces.direct) {
            this.record('sigterm', await this.send(live, 'SIGTERM'));
            live = await this.graceThenScan(termDue, 'termMs');
        }
        if (live.length > 0)
            live = await this.killAll(live);
        const survivors = live.map((p) => key(p));
        return {
            steps: this.steps,
            faults: dedupeFaults(this.faults),
            sessionStep: this.sessionStep,
            killed: [...this.reached.entries()].filter(([k]) => !survivors.includes(k)).map(([, p]) => p),
            survivors: live,
            endedAt: live.length === 0 ? (this.goneAt ?? this.now()) : this.now(),
        };
    }
    /** SIGKILL everything, again and again until nothing is left: processes fork while we kill. */
    async killAll(first) {
        const at = this.now();
        this.record('sigkill', await this.send(first, 'SIGKILL'));
        for (;;) {
            const remaining = at + this.graces.killMs - this.now();
            if (remaining <= 0)
                return this.scanForStep();
            if (!this.target.childExited())
                await this.sleep(remaining, true);
            const live = await this.scanConfirmed();
            if (live.length === 0)
                return live;
            await this.send(live, 'SIGKILL');
            await this.sleep(KILL_POLL_MS, false);
        }
    }
    /** Signals `live`; how many it reached, and whether the session's processes were among them. */
    async send(live, signal) {
        const childRunning = !this.target.childExited();
        const { delivered, faults } = await this.target.signal(live, signal);
        this.faults.push(...faults);
        let session = false;
        for (const p of delivered) {
            // Keep the command line read while it could be: a dying process's reads `[name]`.
            const known = this.reached.get(key(p));
            if (!known || !/^\[.*\]$/.test(p.command))
                this.reached.set(key(p), p);
            if (this.target.inSession(p))
                session = true;
        }
        if (session)
            this.sessionStep = signal === 'SIGKILL' ? 'sigkill' : 'sigterm';
        return { count: delivered.length, session, childRunning };
    }
    async scanForStep() {
        const t = this.now();
        const live = await this.target.scan();
        this.scanMs = this.now() - t;
        return live;
    }
    /** A scan; an empty one counts only when a second one, a few ms later, is empty too. */
    async scanConfirmed() {
        const t = this.now();
        const live = await this.scanForStep();
        if (live.length > 0)
            return live;
        await this.sleep(CONFIRM_MS, false);
        const again = await this.scanForStep();
        if (again.length === 0)
            this.goneAt = t;
        return again;
    }
    record(step, sent) {
        const event = { step, at: this.now(), ...sent };
        this.steps.push(event);
        this.onStep(event);
        return event.at;
    }
    /** Until the child has exited or the grace ends. */
    async waitForChild(stepAt, grace) {
        for (;;) {
            const remaining = stepAt + this.graces[grace] - this.now();
            if (remaining <= 0 || this.graces.direct || this.target.childExited())
                return;
            await this.sleep(remaining, true);
        }
    }
    /**
     * Waits out a grace: until nothing of the run is left, or the grace ends. Returns what is
     * alive at its end: the next step's targets. While the child lives there is nothing to poll;
     * the targets are then listed a scan's length before the grace ends, so that the next step
     * goes out on time on a machine with thousands of processes.
     */
    async graceThenScan(stepAt, grace) {
        for (;;) {
            const due = stepAt + this.graces[grace];
            if (this.graces.direct)
                return this.scanForStep();
            const lead = Math.min(MAX_LEAD_MS, this.scanMs * 1.5 + 2);
            if (!this.target.childExited()) {
                const remaining = due - this.now();
                if (remaining > lead) {
                    await this.sleep(remaining - lead, true);
                    continue;
                }
                const live = await this.scanForStep();
                const left = due - this.now();
                if (left > 0)
                    await this.sleep(left, true);
                if (this.target.childExited() || this.graces.direct)
                    continue;
                return live;
            }
            const live = await this.scanConfirmed();
            if (live.length === 0 || this.now() >= due)
                return live;
            await this.sleep(Math.min(POLL_MS, due - this.now()), false);
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
            const timer = setTimeout(done, Math.max(0, ms));
            this.wake = done;
            if (untilChildExit)
                void this.target.childExit.then(done);
        });
    }
}
function key(p) {
    return `${p.pid}:${p.start ?? ''}`;
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
    // By the tag only: a pid saved by main may belong to another process by now. A member
    // started at or after main did (main saved when; NaN, from an older main: no age filter).
    const mainStart = Number(getState(State.MainStart) || NaN);
    const processes = new RunProcesses(runId, { notBefore: mainStart });
    if ((await processes.scan()).length === 0)
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
        signal: (live, signal) => processes.signal(live, signal),
        // Main is gone: nothing is the session's any more.
        inSession: () => false,
    }, { eofMs: 0, termMs, killMs: KILL_WAIT_MS }, () => performance.now()).run(false);
    const ticket = getState(State.Ticket);
    const killed = result.killed;
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


/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
