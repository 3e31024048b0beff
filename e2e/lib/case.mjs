// One e2e case: a fake model server with its script, an isolated pi home and
// working directory, and a unique marker variable to find every process the
// case started.
import { randomUUID } from 'node:crypto';
import { startFakeOpenAI } from './fake-openai.mjs';
import { makePiEnv } from './pi-env.mjs';
import { runAction, processesWith, killAll, explain, assertBuilt } from './action.mjs';

export const MARKER = '<promise>COMPLETE</promise>';
// As a `completion-marker` regular expression: none of its characters is special.
export const MARKER_RE = '<promise>COMPLETE</promise>';

export async function startCase(t, script, { needsAction = true } = {}) {
  if (needsAction) assertBuilt();
  const server = await startFakeOpenAI(script);
  const pi = makePiEnv({ baseUrl: server.baseUrl });
  const caseId = randomUUID();
  const needle = `E2E_CASE_ID=${caseId}`;
  const c = {
    server,
    pi,
    needle,
    run: async (opts) => {
      const r = await runAction({ pi, ...opts, env: { E2E_CASE_ID: caseId, ...(opts.env ?? {}) } });
      // E2E_VERBOSE=1 npm test: everything the action printed and wrote, for every case.
      if (process.env.E2E_VERBOSE) for (const line of explain(r).split('\n')) t.diagnostic(line);
      return r;
    },
    survivors: () => processesWith(needle),
    explain,
  };
  t.after(async () => {
    const left = processesWith(needle);
    killAll(left);
    await server.close();
    if (!process.env.E2E_KEEP) pi.cleanup();
    else t.diagnostic(`kept ${pi.root}`);
  });
  return c;
}
