// The action's main, run inside a fresh pid namespace by __fixtures__/pidns-reuse.sh.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.join(here, '..', 'dist', 'index.js');
const res = spawnSync('unshare', ['-Urpf', '--mount-proc', 'sh', path.join(here, 'pidns-reuse.sh'), process.execPath, main], { stdio: 'inherit' });
process.exit(res.status ?? 1);
