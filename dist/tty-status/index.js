import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/tty-status.ts
/**
 * The terminal's status wrapper: runs under the pseudo-terminal, between script(1) and the
 * shell. It outlives the SIGTERM step (which goes to every other process of the run), writes
 * the shell's real wait status to a file, and exits with the status script -e would have
 * reported. script -e alone turns "killed by signal N" into "exit 128+N", which a shell's own
 * `exit 143` cannot be told apart from.
 *
 * It also leads the terminal's session (script(1) calls setsid() for it): before it starts the
 * program it records its pid and start in a second file, so that the session is known to be
 * the run's even if the wrapper is gone before the action scans the process table.
 *
 * Usage: node tty-status.js <status-file> <leader-file> <program> [args...]. Node built-ins
 * only: this is a bundle of its own (dist/tty-status/), started once per tty session.
 */



/** The signals a terminal's close-out sends: they must not end the wrapper before its child. */
const HELD_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];
/** The exit status a shell gives a child that ended this way (128+N for signal N). */
function shellStatus(status) {
    if (status.code !== null)
        return status.code;
    if (status.signal)
        return 128 + (external_node_os_namespaceObject.constants.signals[status.signal] ?? 0);
    return 127;
}
function selfStart() {
    try {
        const stat = external_node_fs_namespaceObject.readFileSync('/proc/self/stat', 'latin1');
        const start = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 20)[19]);
        return Number.isFinite(start) ? start : null;
    }
    catch {
        return null;
    }
}
/** Runs the program to its end and records how it ended; returns the status to exit with. */
function runWrapped(statusFile, leaderFile, program, args) {
    // spawnSync blocks the event loop: a handler only keeps the signal from killing us.
    for (const s of HELD_SIGNALS)
        process.on(s, () => undefined);
    const leader = { pid: process.pid, start: selfStart() };
    external_node_fs_namespaceObject.writeFileSync(leaderFile, JSON.stringify(leader));
    const r = (0,external_node_child_process_namespaceObject.spawnSync)(program, args, { stdio: 'inherit' });
    const status = { code: r.status, signal: r.signal, ...(r.error ? { error: r.error.message } : {}) };
    external_node_fs_namespaceObject.writeFileSync(statusFile, JSON.stringify(status));
    return shellStatus(status);
}
/** The entry point (tty-status-index.ts). */
function main(argv = process.argv.slice(2)) {
    const [statusFile, leaderFile, program, ...args] = argv;
    if (!statusFile || !leaderFile || !program) {
        process.stderr.write('usage: tty-status <status-file> <leader-file> <program> [args...]\n');
        process.exit(2);
    }
    process.exit(runWrapped(statusFile, leaderFile, program, args));
}

;// CONCATENATED MODULE: ./src/tty-status-index.ts

main();

