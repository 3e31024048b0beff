#!/usr/bin/env node
// Self-test fixture (.github/workflows/ci.yml): a session that ignores SIGTERM, SIGINT and SIGHUP
// and never exits, so only SIGKILL ends it. Its file name is unique, so a later step can look for
// it with `pgrep -f ralph-selftest-stubborn`.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => console.log(`stubborn: ignoring ${signal}`));
console.log(`stubborn: pid ${process.pid}, ignoring SIGTERM`);
setInterval(() => undefined, 1000);
