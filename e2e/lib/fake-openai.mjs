// A fake OpenAI-compatible chat-completions server for the e2e suite.
// It listens on 127.0.0.1 only, on a port the OS picks (port 0), and answers
// POST /v1/chat/completions with Server-Sent Events in the format of
// OpenAI's streaming API. What it answers is scripted per test.
//
// A reply is one of:
//   { text: 'some text' }                        -> assistant text, finish_reason "stop"
//   { bash: 'touch done.txt' }                   -> one `bash` tool call, finish_reason "tool_calls"
//   { toolCall: { name, arguments: {...} } }     -> any tool call
//   { hang: true }                               -> accept the request, send headers, never answer
//   { status: 500, body: '...' }                 -> an HTTP error
// `script` is either an array (a queue: request i gets reply i; past its end the
// last reply repeats) or a function (request, index) => reply.
import http from 'node:http';

export async function startFakeOpenAI(script) {
  const requests = [];
  const hanging = new Set();
  const waiters = [];
  const replyFor = (body, index) => {
    if (typeof script === 'function') return script(body, index);
    if (!script.length) return { text: 'ok' };
    return script[Math.min(index, script.length - 1)];
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      if (req.method === 'GET' && req.url.startsWith('/v1/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
        return;
      }
      if (req.method !== 'POST' || !req.url.startsWith('/v1/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
        return;
      }
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        body = { unparsable: raw };
      }
      const index = requests.length;
      const reply = replyFor(body, index) ?? { text: 'ok' };
      requests.push({ at: Date.now(), url: req.url, body, reply });
      for (const w of waiters.splice(0)) w();
      send(res, reply, index, body);
    });
  });

  function send(res, reply, index, body) {
    if (reply.status) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body ?? JSON.stringify({ error: { message: 'fake error' } }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    if (reply.hang) {
      // Headers are out, the body never comes: the model "never answers".
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const id = `chatcmpl-fake-${index}`;
    const model = body.model ?? 'fake-model';
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta, finish = null, extra = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
    let out = chunk({ role: 'assistant', content: '' });
    let finish = 'stop';
    const call = reply.bash !== undefined ? { name: 'bash', arguments: { command: reply.bash } } : reply.toolCall;
    if (reply.text) {
      // Stream the text in a few pieces, as a real model does.
      const parts = reply.text.match(/[\s\S]{1,16}/g) ?? [];
      for (const p of parts) out += chunk({ content: p });
    }
    if (call) {
      finish = 'tool_calls';
      const args = JSON.stringify(call.arguments ?? {});
      out += chunk({ tool_calls: [{ index: 0, id: `call_fake_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] });
      out += chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] });
    }
    out += chunk({}, finish);
    out += `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`;
    out += 'data: [DONE]\n\n';
    res.end(out);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    /** resolves once at least n requests have arrived */
    waitForRequests(n, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`only ${requests.length} of ${n} requests in ${timeoutMs} ms`)), timeoutMs);
        t.unref();
        const check = () => {
          if (requests.length >= n) {
            clearTimeout(t);
            resolve(requests);
          } else waiters.push(check);
        };
        check();
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
