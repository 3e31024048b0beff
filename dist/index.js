import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(656);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: notStartedResult, run

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
    if (!external_node_fs_namespaceObject.existsSync(file))
        throw new Error(`Missing file at path: ${file}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    if (key.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: the value contains the delimiter ${delimiter}`);
    external_node_fs_namespaceObject.appendFileSync(file, `${key}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
    return true;
}
function setOutput(name, value) {
    if (!fileCommand('GITHUB_OUTPUT', name, value)) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
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
    external_node_fs_namespaceObject.appendFileSync(file, markdown, { encoding: 'utf8' });
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
const Outputs = {
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
const STDIN_MODES = ['closed', 'pipe', 'tty'];
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
        throw new DurationError(`is longer than the maximum (${formatDuration(MAX_DURATION_MS)})`);
    }
    return ms;
}
/** Human form for annotations and the summary: 45m, 1h30m, 10s, 1.5s, 250ms. */
function formatDuration(ms) {
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

;// CONCATENATED MODULE: ./src/fence.ts
/**
 * The job log, with the child's output fenced off from the runner's command parser.
 *
 * The runner reads workflow commands on the action's stdout and stderr: `::name k=v::data`
 * after leading whitespace, and the legacy `##[name]data` anywhere in a line. It stops
 * honouring both between `::stop-commands::TOKEN` and `::TOKEN::`. The child's stdout and
 * stderr both go to our stdout, inside the fence: the runner handles a batch's stderr lines
 * before its stdout lines, so a fence on stdout would not cover stderr. The token is fresh and
 * random per run, so the child cannot print the resume line.
 */

class JobLog {
    out;
    fence;
    atLineStart = true;
    fenced = false;
    token;
    constructor(out, fence) {
        this.out = out;
        this.fence = fence;
        // 24 hex characters from node:crypto; the runner compares tokens case-insensitively.
        this.token = (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('hex');
    }
    /** Stop the runner from honouring commands, before the child's first byte. */
    open() {
        if (!this.fence || this.fenced)
            return;
        this.line(`::stop-commands::${this.token}`);
        this.fenced = true;
    }
    /** Resume commands, before the action writes its own. */
    close() {
        if (!this.fenced)
            return;
        this.line(`::${this.token}::`);
        this.fenced = false;
    }
    /** Child output, as it comes. Returns false when the caller should wait for 'drain'. */
    write(chunk) {
        if (chunk.length === 0)
            return true;
        this.atLineStart = chunk[chunk.length - 1] === 0x0a;
        return this.out.write(chunk);
    }
    /** A line of our own (progress notes), always on a line of its own. */
    line(text) {
        this.out.write(`${this.atLineStart ? '' : '\n'}${text}\n`);
        this.atLineStart = true;
    }
    once(event, listener) {
        this.out.once(event, listener);
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
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
;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Inputs are read once, here, into one typed Settings object (as actions/checkout's
 * input-helper does). Every check runs before anything starts; a bad value throws an
 * InputError naming the input and the value.
 */







/** The contract's defaults; action.yml declares the same (a test keeps them equal). */
const DEFAULTS = {
    [Inputs.Command]: 'pi "/tf $RALPH_TICKET --auto"',
    [Inputs.Ticket]: '',
    [Inputs.Shell]: 'bash',
    [Inputs.WorkingDirectory]: '',
    [Inputs.Stdin]: 'closed',
    [Inputs.Input]: '',
    [Inputs.Timeout]: '60m',
    [Inputs.IdleTimeout]: '0',
    [Inputs.CompletionMarker]: '',
    [Inputs.CompletionGrace]: '30s',
    [Inputs.EofGrace]: '10s',
    [Inputs.TermGrace]: '5s',
    [Inputs.LogFile]: '',
    [Inputs.AllowWorkflowCommands]: 'false',
};
const SCRIPT_PLACEHOLDER = '{0}';
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
const defaultEnvironment = () => ({
    env: process.env,
    platform: process.platform,
    cwd: process.cwd(),
});
function bad(name, value, why) {
    return new InputError(name, `Input '${name}' has an invalid value ${JSON.stringify(value)}: ${why}`);
}
async function parseSettings(read, environment = defaultEnvironment()) {
    const get = (name) => {
        const value = read(name).trim();
        return value === '' ? DEFAULTS[name] : value;
    };
    const duration = (name) => {
        const value = get(name);
        try {
            return parseDuration(value);
        }
        catch (e) {
            if (e instanceof DurationError)
                throw bad(name, value, `it ${e.message}`);
            throw e;
        }
    };
    const command = get(Inputs.Command);
    const ticket = get(Inputs.Ticket);
    if (ticket !== '' && !TICKET_PATTERN.test(ticket)) {
        throw bad(Inputs.Ticket, ticket, `a ticket id must match ${TICKET_PATTERN.source}`);
    }
    const stdinText = get(Inputs.Stdin);
    if (!STDIN_MODES.includes(stdinText)) {
        throw bad(Inputs.Stdin, stdinText, `use one of ${STDIN_MODES.join(', ')}`);
    }
    const stdin = stdinText;
    let input = read(Inputs.Input);
    if (input.trim() === '')
        input = '';
    else if (!input.endsWith('\n'))
        input += '\n';
    if (input !== '' && stdin === 'closed') {
        throw bad(Inputs.Stdin, stdinText, `'${Inputs.Input}' is set, but a closed stdin cannot receive it (use pipe or tty)`);
    }
    const timeoutMs = duration(Inputs.Timeout);
    const idleTimeoutMs = duration(Inputs.IdleTimeout);
    const completionGraceMs = duration(Inputs.CompletionGrace);
    const eofGraceMs = duration(Inputs.EofGrace);
    const termGraceMs = duration(Inputs.TermGrace);
    const markerText = get(Inputs.CompletionMarker);
    let completionMarker;
    if (markerText !== '') {
        try {
            completionMarker = new RegExp(markerText);
        }
        catch (e) {
            throw bad(Inputs.CompletionMarker, markerText, `not a valid regular expression (${e.message})`);
        }
    }
    const allowText = get(Inputs.AllowWorkflowCommands);
    let allowWorkflowCommands;
    if (['true', 'True', 'TRUE'].includes(allowText))
        allowWorkflowCommands = true;
    else if (['false', 'False', 'FALSE'].includes(allowText))
        allowWorkflowCommands = false;
    else
        throw bad(Inputs.AllowWorkflowCommands, allowText, 'use true or false');
    const workspace = environment.env.GITHUB_WORKSPACE || environment.cwd;
    const wdText = get(Inputs.WorkingDirectory);
    const workingDirectory = external_node_path_namespaceObject.resolve(workspace, wdText || '.');
    let isDir;
    try {
        isDir = external_node_fs_namespaceObject.statSync(workingDirectory).isDirectory();
    }
    catch {
        isDir = false;
    }
    if (!isDir) {
        throw bad(Inputs.WorkingDirectory, wdText || workingDirectory, `no directory ${workingDirectory}`);
    }
    const shell = await parseShell(get(Inputs.Shell));
    const tty = stdin === 'tty' ? await findTtyProvider(environment, stdinText) : undefined;
    const logText = get(Inputs.LogFile);
    const logFile = logText
        ? external_node_path_namespaceObject.resolve(workspace, logText)
        : external_node_path_namespaceObject.join(environment.env.RUNNER_TEMP || external_node_os_namespaceObject.tmpdir(), 'ralph-dispatch', 
        // The ticket may hold '/', which would make folders of the log name.
        `${ticket ? ticket.replaceAll('/', '_') : `run-${environment.env.GITHUB_RUN_ID ?? process.pid}-${environment.env.GITHUB_JOB ?? 'job'}`}.log`);
    return {
        command,
        ticket,
        shell,
        workingDirectory,
        stdin,
        input,
        timeoutMs,
        idleTimeoutMs,
        completionMarker,
        completionGraceMs,
        eofGraceMs,
        termGraceMs,
        logFile,
        allowWorkflowCommands,
        tty,
    };
}
/** `bash` and `sh` as `run:` steps start them; anything else is a template holding {0}. */
async function parseShell(spec) {
    let words;
    if (spec === 'bash')
        words = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', SCRIPT_PLACEHOLDER];
    else if (spec === 'sh')
        words = ['sh', '-e', SCRIPT_PLACEHOLDER];
    else {
        if (!spec.includes(SCRIPT_PLACEHOLDER)) {
            throw bad(Inputs.Shell, spec, `use bash, sh, or a template holding ${SCRIPT_PLACEHOLDER} for the script file (e.g. "bash -x {0}")`);
        }
        words = splitShellTemplate(spec);
        if (words[0].includes(SCRIPT_PLACEHOLDER)) {
            throw bad(Inputs.Shell, spec, 'the template must start with the program to run');
        }
    }
    const file = await which(words[0], false).catch(() => '');
    if (!file)
        throw bad(Inputs.Shell, spec, `the program '${words[0]}' was not found on PATH`);
    return { spec, file, args: words.slice(1) };
}
/**
 * Splits a `shell` template as the runner does: the program is everything before the first
 * space; the rest is one argument string, split the way .NET splits a command line (double
 * quotes group, a backslash escapes a double quote; single quotes do not group), so that
 * `pwsh -command ". '{0}'"` passes `. '{0}'` as one argument.
 */
function splitShellTemplate(template) {
    const trimmed = template.trim();
    const space = trimmed.search(/\s/);
    if (space < 0)
        return [trimmed];
    const args = [];
    const rest = trimmed.slice(space + 1);
    let word = '';
    let inWord = false;
    let quoted = false;
    for (let i = 0; i < rest.length; i++) {
        const c = rest[i];
        if (c === '\\' && rest[i + 1] === '"') {
            word += '"';
            inWord = true;
            i++;
        }
        else if (c === '"') {
            quoted = !quoted;
            inWord = true;
        }
        else if (/\s/.test(c) && !quoted) {
            if (inWord)
                args.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        args.push(word);
    return [trimmed.slice(0, space), ...args];
}
/** util-linux `script` on Linux, BSD `script` on macOS; nothing on Windows. */
async function findTtyProvider(environment, stdinText) {
    if (environment.platform === 'win32') {
        throw bad(Inputs.Stdin, stdinText, 'a pseudo-terminal is not available on Windows runners (use closed or pipe)');
    }
    const file = await which('script', false).catch(() => '');
    if (!file) {
        throw bad(Inputs.Stdin, stdinText, "it needs the 'script' program (util-linux on Linux: apt-get install bsdutils), which is not on PATH");
    }
    if (environment.platform === 'darwin')
        return { kind: 'bsd', file };
    const version = (0,external_node_child_process_namespaceObject.spawnSync)(file, ['--version'], { encoding: 'utf8', timeout: 5000 });
    if (!`${version.stdout}${version.stderr}`.includes('util-linux')) {
        throw bad(Inputs.Stdin, stdinText, `'${file}' is not util-linux script (needed for -e and -c; apt-get install bsdutils)`);
    }
    return { kind: 'util-linux', file };
}

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
function stripAnsi(text) {
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
    decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
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
        const joined = this.clean + stripAnsi(text);
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
        external_node_fs_namespaceObject.mkdirSync(external_node_path_namespaceObject.dirname(file), { recursive: true, mode: 0o700 });
        const fd = external_node_fs_namespaceObject.openSync(file, 'w', 0o600);
        external_node_fs_namespaceObject.fchmodSync(fd, 0o600); // openSync keeps the mode of a file that already existed
        return new LogFile(file, fd);
    }
    /** Always true: the log never asks the session to pause. */
    write(chunk) {
        this.bytes += chunk.length;
        if (this.error || this.fd === undefined)
            return true;
        try {
            for (let off = 0; off < chunk.length;)
                off += external_node_fs_namespaceObject.writeSync(this.fd, chunk, off, chunk.length - off);
        }
        catch (e) {
            this.error = e;
        }
        return true;
    }
    close() {
        if (this.fd !== undefined) {
            try {
                external_node_fs_namespaceObject.closeSync(this.fd);
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
const SUMMARY_MAX_BYTES = 1024 * 1024;
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

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
;// CONCATENATED MODULE: ./src/gc.ts
/**
 * Output chunks are Buffers whose memory lives outside the V8 heap, and V8 collects them only
 * once that memory has grown by tens of MB: a fast producer would raise the peak RSS by as
 * much (measured: 96 MiB at 250 MB of output, flat at 58 MiB with this). Collecting the young
 * generation every few MB of output keeps it flat; a scavenge of a heap this small takes about
 * 0.2 ms.
 */


/** A function that runs a young-generation collection; a no-op where `gc` cannot be exposed. */
function youngGenerationCollector() {
    try {
        // --expose-gc set at run time applies to contexts created afterwards: take `gc` from one.
        external_node_v8_namespaceObject.setFlagsFromString('--expose-gc');
        const gc = external_node_vm_namespaceObject.runInNewContext('gc');
        if (typeof gc !== 'function')
            return () => undefined;
        return () => gc({ type: 'minor' });
    }
    catch {
        return () => undefined;
    }
}

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

;// CONCATENATED MODULE: ./src/session.ts
/**
 * One ticket session: spawn, watch, close out, reap. A small state machine:
 *
 *   running ──marker──▶ completing ──completion-grace──▶ closing
 *   running ──timeout / idle-timeout / cancel──────────▶ closing (EOF → SIGTERM → SIGKILL)
 *   any ──child exit──▶ exited ──leftovers swept──▶ reaped
 *
 * Completion is the child's `exit` event, never the end of its stdio: a grandchild may hold
 * the pipes open for ever. This module never touches @actions/core: it takes its inputs as
 * Settings and returns a RunResult.
 */











/** Ctrl+U clears a half-typed line (Ctrl+D ends input only on an empty one), then Ctrl+D. */
const TTY_EOF = Buffer.from([0x15, 0x04]);
/** Output between two young-generation collections (see gc.ts). */
const GC_EVERY_BYTES = 4 * 1024 * 1024;
/** How long to wait for the output pipes to drain once every process of the run is gone. */
const PIPE_DRAIN_MS = 500;
/** Variables that let a child write the step's outputs, state or environment. */
const FILE_COMMAND_VARS = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];
/**
 * What the runner gives node actions but not `run:` steps (NodeScriptActionHandler vs
 * ScriptHandler): the job's runtime token (cache, artifacts). The OIDC request variables stay:
 * `run:` steps get them too, when the job grants `id-token: write`.
 */
const ACTION_ONLY_VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RUNTIME_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2'];
const SIGNAL_NAMES = new Map(Object.entries(external_node_os_namespaceObject.constants.signals).map(([name, num]) => [num, name]));
/**
 * Runs under the pty, between script(1) and the shell: it outlives the SIGTERM step (which
 * goes to every other process of the run), writes the shell's real wait status to a file, and
 * exits with the status script -e would have reported. spawnSync blocks, so the handlers only
 * keep the signals from killing it.
 */
const TTY_STATUS_WRAPPER = [
    "const [file, cmd, ...args] = process.argv.slice(1);",
    "for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT']) process.on(s, () => {});",
    "const r = require('child_process').spawnSync(cmd, args, { stdio: 'inherit' });",
    "require('fs').writeFileSync(file, JSON.stringify({ code: r.status, signal: r.signal, error: r.error && r.error.message }));",
    "process.exit(r.status ?? 128 + (require('os').constants.signals[r.signal] || 0));",
].join('\n');
/** Quotes a word for the POSIX shell that `script -c` runs. */
function shellQuote(word) {
    return `'${word.replaceAll("'", `'\\''`)}'`;
}
class Session {
    options;
    phase = 'starting';
    settings;
    processes;
    now;
    timeline = [];
    tail = new Tail();
    scanner;
    timers = new Set();
    idleTimer;
    startedAt = 0;
    child;
    log;
    scriptDir;
    markerSeen = false;
    markerBeforeClose = false;
    reason = null;
    cancelCount = 0;
    escalation;
    exitInfo;
    stepsSent = [];
    stepsBeforeExit = [];
    firstOutput = false;
    requestClose;
    exited;
    paused = false;
    sinceGc = 0;
    collectYoung;
    constructor(options) {
        this.options = options;
        this.settings = options.settings;
        this.processes = options.processes ?? new RunProcesses(options.runId);
        this.now = options.now ?? (() => performance.now());
        this.scanner = this.settings.completionMarker ? new MarkerScanner(this.settings.completionMarker) : undefined;
    }
    /**
     * Cancellation (the runner's SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after
     * that, to our PID only). The first call compresses the sequence to fit that window; the
     * second goes straight to SIGKILL.
     */
    cancel() {
        this.cancelCount += 1;
        if (this.phase === 'starting' || this.phase === 'reaped')
            return;
        this.mark('cancel', this.cancelCount > 1 ? 'again: SIGKILL now' : undefined);
        this.escalation?.compress(cancelGraces(this.cancelCount));
        // The reason stays what closed the session first; a cancel closes it only if nothing has.
        this.requestClose?.('cancel');
    }
    async run() {
        let escalation;
        try {
            this.prepare();
            const exited = this.spawnChild();
            this.exited = exited;
            const closing = new Promise((resolve) => {
                this.requestClose = (reason) => {
                    if (this.reason || this.phase === 'exited')
                        return;
                    this.reason = reason;
                    resolve(reason);
                };
            });
            if (this.cancelCount > 0) {
                // Cancelled before the child existed: close it at once.
                this.mark('cancel');
                this.requestClose?.('cancel');
            }
            this.phase = 'running';
            this.startWatchers();
            const first = await Promise.race([exited, closing]);
            this.clearTimers();
            if (first !== 'exit') {
                this.phase = 'closing';
                this.note(this.closingNote(first));
            }
            escalation = await this.escalate(first !== 'exit');
            await exited;
            this.phase = 'reaped';
            await this.drainPipes();
        }
        catch (e) {
            return this.finish(escalation, e.message);
        }
        return this.finish(escalation);
    }
    // -------------------------------------------------------------------------------------------
    /** Everything that can fail before the child exists: the script file and the log. */
    prepare() {
        const base = process.env.RUNNER_TEMP || external_node_os_namespaceObject.tmpdir();
        external_node_fs_namespaceObject.mkdirSync(base, { recursive: true });
        this.scriptDir = external_node_fs_namespaceObject.mkdtempSync(external_node_path_namespaceObject.join(base, 'ralph-dispatch-'));
        external_node_fs_namespaceObject.chmodSync(this.scriptDir, 0o700);
        external_node_fs_namespaceObject.writeFileSync(external_node_path_namespaceObject.join(this.scriptDir, 'ticket.sh'), `${this.settings.command}\n`, { mode: 0o600 });
        this.log = LogFile.open(this.settings.logFile);
    }
    childEnv() {
        const env = { ...(this.options.env ?? process.env) };
        // The action's own inputs, state and runtime token are not the command's business: a
        // `run:` step does not see them.
        for (const name of Object.keys(env))
            if (name.startsWith('INPUT_') || name.startsWith('STATE_'))
                delete env[name];
        for (const name of ACTION_ONLY_VARS)
            delete env[name];
        if (!this.settings.allowWorkflowCommands)
            for (const name of FILE_COMMAND_VARS)
                delete env[name];
        env[TICKET_ENV] = this.settings.ticket;
        env[RUN_ID_ENV] = this.options.runId;
        return env;
    }
    /** The argv that runs the script, and the argv that runs it under a pseudo-terminal. */
    commandLine() {
        const script = external_node_path_namespaceObject.join(this.scriptDir, 'ticket.sh');
        const { shell, tty } = this.settings;
        const args = shell.args.map((a) => a.replaceAll(SCRIPT_PLACEHOLDER, script));
        if (!tty)
            return { file: shell.file, args };
        // A pty that script(1) opens while its own stdin is a pipe has no size: give it one, so a
        // TUI can lay itself out. The shell runs under TTY_STATUS_WRAPPER, which records how it
        // ended: script -e alone turns "killed by signal N" into "exit 128+N".
        const wrapped = [process.execPath, '-e', TTY_STATUS_WRAPPER, this.statusFile(), shell.file, ...args];
        const inner = `stty cols 160 rows 48 2>/dev/null; exec ${wrapped.map(shellQuote).join(' ')}`;
        if (tty.kind === 'bsd')
            return { file: tty.file, args: ['-q', '/dev/null', '/bin/sh', '-c', inner] };
        // -e: return the child's status (128+N for death by signal N); -f: flush as it comes.
        return { file: tty.file, args: ['-qefc', inner, '/dev/null'] };
    }
    spawnChild() {
        const { file, args } = this.commandLine();
        const stdinMode = this.settings.stdin === 'closed' ? 'ignore' : 'pipe';
        this.startedAt = this.now();
        let child;
        try {
            child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
                cwd: this.settings.workingDirectory,
                env: this.childEnv(),
                // `detached` makes the child a session and group leader of its own: the runner's
                // signals to our PID do not reach it, and its group can be told apart from ours.
                detached: process.platform !== 'win32',
                stdio: [stdinMode, 'pipe', 'pipe'],
                windowsHide: true,
            });
        }
        catch (e) {
            throw new Error(`could not start ${file}: ${e.message}`, { cause: e });
        }
        this.child = child;
        return new Promise((resolve, reject) => {
            child.once('error', (e) => {
                if (this.exitInfo)
                    return;
                if (child.pid === undefined)
                    reject(new Error(`could not start ${file}: ${e.message}`));
            });
            child.once('exit', (code, signal) => {
                this.stepsBeforeExit = [...this.stepsSent];
                this.exitInfo = { ...this.interpretExit(code, signal), at: this.now() };
                this.phase = 'exited';
                this.mark('exit', this.exitInfo.signal ?? `code ${this.exitInfo.code}`);
                resolve('exit');
            });
            if (child.pid !== undefined)
                this.onSpawned(child);
        });
    }
    /**
     * Under a pty, the exit status is the one TTY_STATUS_WRAPPER recorded. Without it (the
     * wrapper was SIGKILLed), script -e's 128+N is read as signal N only when we sent that
     * signal, so that a session's own `exit 143` stays an exit code.
     */
    interpretExit(code, signal) {
        if (!this.settings.tty || signal)
            return { code, signal };
        try {
            const status = JSON.parse(external_node_fs_namespaceObject.readFileSync(this.statusFile(), 'utf8'));
            return { code: status.code, signal: status.signal };
        }
        catch {
            // No status file: the wrapper itself was killed (SIGKILL step) or never ran.
        }
        if (code !== null && code > 128) {
            const name = SIGNAL_NAMES.get(code - 128);
            if (name && this.stepsBeforeExit.some((s) => s.step.toUpperCase() === name))
                return { code: null, signal: name };
        }
        return { code, signal };
    }
    statusFile() {
        return external_node_path_namespaceObject.join(this.scriptDir, 'status.json');
    }
    onSpawned(child) {
        const pid = child.pid;
        this.processes.addRoot(pid);
        this.mark('spawned', `pid ${pid}`);
        if (child.stdin) {
            // EPIPE when the child does not read: not our failure.
            child.stdin.on('error', () => undefined);
            if (this.settings.input)
                child.stdin.write(this.settings.input);
        }
        for (const stream of [child.stdout, child.stderr]) {
            stream?.on('data', (chunk) => this.onOutput(chunk));
        }
    }
    onOutput(chunk) {
        if (!this.firstOutput) {
            this.firstOutput = true;
            this.mark('first-output');
        }
        this.tail.push(chunk);
        this.sinceGc += chunk.length;
        if (this.sinceGc >= GC_EVERY_BYTES) {
            this.sinceGc = 0;
            this.collectYoung ??= youngGenerationCollector();
            this.collectYoung();
        }
        this.log.write(chunk);
        const liveOk = this.options.jobLog.write(chunk);
        this.idleTimer?.refresh();
        if (this.scanner && !this.markerSeen && this.scanner.push(chunk))
            this.onMarker();
        if (!liveOk && !this.paused)
            this.pause();
    }
    /** Backpressure: a slow job log pauses the child's pipes instead of buffering its output. */
    pause() {
        this.paused = true;
        this.child?.stdout?.pause();
        this.child?.stderr?.pause();
        this.options.jobLog.once('drain', () => {
            this.paused = false;
            this.child?.stdout?.resume();
            this.child?.stderr?.resume();
        });
    }
    startWatchers() {
        const { timeoutMs, idleTimeoutMs } = this.settings;
        // From spawn, as duration-ms counts.
        if (timeoutMs > 0)
            this.after(Math.max(0, timeoutMs - (this.now() - this.startedAt)), () => this.close('timeout'));
        if (idleTimeoutMs > 0)
            this.idleTimer = this.after(idleTimeoutMs, () => this.close('idle'));
    }
    onMarker() {
        this.markerSeen = true;
        this.mark('marker');
        // Seen after timeout, idle-timeout or a cancel had started the close-out: reported as
        // marker-seen, but the status stays what closed the session ("ran out before the marker").
        if (this.phase !== 'running' || this.reason)
            return;
        this.markerBeforeClose = true;
        this.phase = 'completing';
        this.clearTimers();
        const grace = this.cancelCount > 0 ? 0 : this.settings.completionGraceMs;
        this.note(`completion marker seen; the session has ${formatDuration(grace)} to exit by itself`);
        this.after(grace, () => {
            this.mark('completion-grace-over');
            this.close('marker');
        });
    }
    close(reason) {
        if (reason === 'timeout' || reason === 'idle')
            this.mark(reason);
        this.requestClose?.(reason);
    }
    after(ms, fn) {
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            fn();
        }, ms);
        this.timers.add(timer);
        return timer;
    }
    clearTimers() {
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        this.idleTimer = undefined;
    }
    async escalate(withEof) {
        // Under a pty our child is script(1), which holds the terminal.
        const ptyHolder = this.settings.tty ? this.child?.pid : undefined;
        const graces = { eofMs: this.settings.eofGraceMs, termMs: this.settings.termGraceMs, killMs: KILL_WAIT_MS };
        const escalation = new Escalation({
            childExited: () => this.exitInfo !== undefined,
            childExit: this.exited,
            sendEof: () => this.sendEof(),
            scan: () => this.processes.scan(),
            signal: (live, signal) => {
                // SIGTERM to script(1) makes it exit 0 about 2 s later whatever its child did:
                // signal the session's processes directly, and script only with SIGKILL.
                const targets = signal === 'SIGTERM' ? live.filter((p) => p.pid !== ptyHolder) : live;
                return { sent: targets.length, faults: this.processes.signal(targets, signal) };
            },
        }, graces, this.now, (event) => {
            this.stepsSent.push(event);
            const to = `to ${event.count} process${event.count === 1 ? '' : 'es'}`;
            this.mark(event.step, event.step === 'eof' ? undefined : to);
            this.note(event.step === 'eof' ? 'EOF sent' : `${event.step.toUpperCase()} ${to} sent`);
        });
        this.escalation = escalation;
        if (this.cancelCount > 0)
            escalation.compress(cancelGraces(this.cancelCount));
        const result = await escalation.run(withEof);
        this.mark('last-process-gone', result.survivors.length ? `${result.survivors.length} survivor(s)` : undefined);
        return result;
    }
    sendEof() {
        const stdin = this.child?.stdin;
        if (!stdin || stdin.destroyed)
            return false;
        if (this.settings.tty)
            stdin.write(TTY_EOF);
        else
            stdin.end();
        return true;
    }
    /** The pipes close once every writer is dead; a writer we could not kill must not hold us. */
    async drainPipes() {
        const child = this.child;
        const streams = [child.stdout, child.stderr].filter((s) => s && !s.closed);
        if (streams.length > 0) {
            await new Promise((resolve) => {
                let open = streams.length;
                const timer = setTimeout(resolve, PIPE_DRAIN_MS);
                for (const s of streams) {
                    s?.once('close', () => {
                        open -= 1;
                        if (open === 0) {
                            clearTimeout(timer);
                            resolve();
                        }
                    });
                }
            });
        }
        this.paused = false;
        for (const s of [child.stdin, child.stdout, child.stderr])
            s?.destroy();
    }
    finish(escalation, error) {
        this.clearTimers();
        const endedAt = escalation?.endedAt ?? this.exitInfo?.at ?? this.now();
        if (this.scriptDir)
            external_node_fs_namespaceObject.rmSync(this.scriptDir, { recursive: true, force: true });
        const exit = this.exitInfo;
        const exitCode = exit?.code ?? null;
        const signal = exit?.signal ?? null;
        const sent = this.stepsBeforeExit;
        const termination = exit
            ? sent.length === 0
                ? 'natural'
                : sent[sent.length - 1].step
            : this.child?.pid !== undefined
                ? (escalation?.steps.at(-1)?.step ?? null)
                : null;
        const survivors = escalation?.survivors ?? [];
        let status;
        let why = error;
        if (error !== undefined || this.child?.pid === undefined)
            status = 'error';
        else if (survivors.length > 0) {
            // The step promises that nothing of the run outlives it: a survivor (EPERM, D state)
            // breaks that promise whatever the session did, and a person must look.
            status = 'error';
            why = `${survivors.length} process(es) of the run could not be stopped (${exit ? 'the session exited, a leftover did not' : 'the session itself survived SIGKILL'}): ${survivors
                .slice(0, 3)
                .map((p) => `${p.pid} ${p.command}`)
                .join(', ')}`;
        }
        else if (this.markerBeforeClose)
            status = 'completed';
        else if (this.reason === 'cancel')
            status = 'cancelled';
        else if (this.reason === 'timeout' || this.reason === 'idle')
            status = 'timeout';
        else if (signal)
            status = 'terminated';
        else
            status = exitCode === 0 ? 'completed' : 'failed';
        const leftovers = escalation?.leftovers ?? [];
        const childPid = this.child?.pid;
        return {
            status,
            exitCode: status === 'error' && !exit ? null : exitCode,
            signal,
            termination,
            durationMs: this.child?.pid !== undefined ? Math.max(0, Math.round(endedAt - this.startedAt)) : 0,
            markerSeen: this.markerSeen,
            reason: this.reason,
            orphans: leftovers.filter((p) => p.pid !== childPid),
            survivors,
            faults: escalation?.faults ?? [],
            timeline: this.timeline,
            logFile: this.settings.logFile,
            logBytes: this.log?.bytes ?? 0,
            logError: this.log?.error?.message,
            tail: this.tail.bytes(),
            childPid,
            error: why,
        };
    }
    /** Closes the log (flushing it); call after run(). */
    async closeLog() {
        await this.log?.close();
    }
    closingNote(reason) {
        const s = this.settings;
        switch (reason) {
            case 'timeout':
                return `timeout (${formatDuration(s.timeoutMs)}) reached: closing the session`;
            case 'idle':
                return `no output for ${formatDuration(s.idleTimeoutMs)} (idle-timeout): closing the session`;
            case 'marker':
                return `the session did not exit within ${formatDuration(s.completionGraceMs)} of its completion marker: closing it`;
            case 'cancel':
                return 'the run was cancelled: closing the session';
        }
    }
    mark(kind, detail) {
        this.timeline.push({ kind, at: Math.max(0, Math.round(this.now() - this.startedAt)), detail });
    }
    note(text) {
        this.options.jobLog.line(`[ralph-dispatch] ${text}`);
    }
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * Wiring: inputs → session → report. The only module (with post.ts) that talks to the runner
 * (runner.ts); the one setFailed is here, for the unexpected.
 */









/** The entry point: run, then exit once everything written has reached the runner. */
async function main() {
    let code;
    try {
        code = await run();
    }
    catch (e) {
        // The one setFailed: for the unexpected (a runner file that cannot be written, a bug).
        setFailed(`ralph-dispatch failed: ${e.stack ?? String(e)}`);
        code = 1;
    }
    await flushAndExit(code);
}
/** Runs the action; returns the exit code (0 only for `completed`). */
async function run() {
    const runId = (0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex');
    let session;
    let cancelled = false;
    // The runner cancels by SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that,
    // all to this PID only: the session's processes get nothing unless we send it.
    const onSignal = () => {
        cancelled = true;
        session?.cancel();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        let settings;
        try {
            settings = await parseSettings((name) => getInput(name));
        }
        catch (e) {
            if (!(e instanceof InputError))
                throw e;
            // Title the error with the ticket when the ticket itself is valid: in a matrix of tickets
            // that says which one failed.
            const ticket = getInput(Inputs.Ticket).trim();
            const ctx = { ticket: TICKET_PATTERN.test(ticket) ? ticket : '', timeoutMs: 0, idleTimeoutMs: 0, completionGraceMs: 0 };
            return await report(notStartedResult(e.message, ''), ctx);
        }
        const ctx = {
            ticket: settings.ticket,
            timeoutMs: settings.timeoutMs,
            idleTimeoutMs: settings.idleTimeoutMs,
            completionGraceMs: settings.completionGraceMs,
        };
        if (cancelled)
            return await report(notStartedResult('the run was cancelled before the session started', settings.logFile, 'cancelled'), ctx);
        // Saved before the spawn, so that post can sweep even if this process is killed at once.
        saveState(State.RunId, runId);
        saveState(State.Ticket, settings.ticket);
        const jobLog = new JobLog(process.stdout, !settings.allowWorkflowCommands);
        jobLog.open();
        jobLog.line(`[ralph-dispatch] ${settings.ticket || 'session'}: running with stdin ${settings.stdin}, timeout ${settings.timeoutMs ? formatDuration(settings.timeoutMs) : 'off'}, shell ${settings.shell.spec}`);
        jobLog.line(settings.command);
        session = new Session({ settings, runId, jobLog });
        const result = await session.run();
        await session.closeLog();
        jobLog.close();
        return await report(result, ctx);
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
async function report(result, ctx) {
    for (const [name, value] of Object.entries(buildOutputs(result)))
        setOutput(name, value);
    for (const a of buildAnnotations(result, ctx)) {
        const props = { title: a.title };
        if (a.level === 'notice')
            notice(a.message, props);
        else if (a.level === 'warning')
            warning(a.message, props);
        else
            error(a.message, props);
    }
    try {
        appendSummary(buildSummary(result, ctx));
    }
    catch (e) {
        warning(`could not write the job summary: ${e.message}`);
    }
    return result.status === 'completed' ? 0 : 1;
}
/** The result of a run whose session never started: bad input (error) or an early cancel. */
function notStartedResult(message, logFile, status = 'error') {
    return {
        status,
        exitCode: null,
        signal: null,
        termination: null,
        durationMs: 0,
        markerSeen: false,
        reason: null,
        orphans: [],
        survivors: [],
        faults: [],
        timeline: [],
        logFile,
        logBytes: 0,
        tail: Buffer.alloc(0),
        childPid: undefined,
        error: message,
    };
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
/******/ var __webpack_exports__ = __nccwpck_require__(407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
