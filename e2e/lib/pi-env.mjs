// A fresh, isolated home for one pi run: HOME, PI_CODING_AGENT_DIR (models.json
// pointing at the fake server, settings.json choosing it), and a working
// directory holding the /tf prompt template.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PI_BIN_DIR = path.join(E2E_DIR, 'node_modules', '.bin');
export const PI_BIN = path.join(PI_BIN_DIR, 'pi');

// The template deliberately does not contain the completion marker: the TUI
// echoes the expanded prompt, and a marker in it would end the session early.
export const TF_TEMPLATE = `---
description: Work one ticket
---
Work on ticket $1 (flags: $2). When every acceptance check passes, say that the work is finished using the agreed completion tag.
`;

export function makePiEnv({ baseUrl, prefix = 'ralph-e2e-' }) {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const home = path.join(root, 'home');
  const agentDir = path.join(root, 'agent');
  const work = path.join(root, 'work');
  const runnerTemp = path.join(root, 'runner-temp');
  for (const d of [home, agentDir, work, runnerTemp, path.join(work, '.pi', 'prompts')]) mkdirSync(d, { recursive: true });
  writeFileSync(
    path.join(agentDir, 'models.json'),
    JSON.stringify(
      {
        providers: {
          fake: {
            baseUrl,
            api: 'openai-completions',
            apiKey: 'fake-key',
            compat: { supportsDeveloperRole: false, supportsReasoningEffort: false },
            models: [{ id: 'fake-model', name: 'Fake model', reasoning: false, input: ['text'], contextWindow: 128000, maxTokens: 4096 }],
          },
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(agentDir, 'settings.json'),
    JSON.stringify(
      {
        defaultProvider: 'fake',
        defaultModel: 'fake-model',
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(work, '.pi', 'prompts', 'tf.md'), TF_TEMPLATE);
  const env = {
    HOME: home,
    PI_CODING_AGENT_DIR: agentDir,
    PI_OFFLINE: '1',
    PI_TELEMETRY: '0',
    PI_SKIP_VERSION_CHECK: '1',
    PATH: `${PI_BIN_DIR}:${process.env.PATH}`,
  };
  return { root, home, agentDir, work, runnerTemp, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
