#!/usr/bin/env node
// An example ticket session that behaves like an interactive agent: it prints its progress,
// prints its completion marker, then idles until its input ends (EOF on a pipe, Ctrl+D on a
// terminal), the way `pi` does under a terminal. ralph-dispatch has to notice the marker and
// close it.
const ticket = process.env.RALPH_TICKET || 'no-ticket';
const steps = ['reading the ticket', 'planning', 'editing src/app.ts', 'running the tests', 'committing'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

console.log(`agent: working on ${ticket} (stdin is ${process.stdin.isTTY ? 'a terminal' : 'not a terminal'})`);
for (const [i, step] of steps.entries()) {
  await sleep(150);
  console.log(`\x1b[32m[${i + 1}/${steps.length}]\x1b[0m ${step}`);
}
console.log('<promise>COMPLETE</promise>');
console.log('agent: done; waiting for more input (Ctrl+D to quit)');
process.stdin.resume();
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => {
  console.log('agent: input closed, bye');
  process.exit(0);
});
