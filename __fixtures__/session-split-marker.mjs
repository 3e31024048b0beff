// Prints the completion marker in two writes with a pause between them, wrapped in colour
// codes; with `escape-split` the cut falls inside a colour code. Then reads stdin until EOF
// (so only a detected marker closes it early) and exits 0.
const mode = process.argv[2] ?? 'wrap';
const [first, second] =
  mode === 'escape-split'
    ? ['\x1b[1;32m<promise>COMP\x1b[', '0mLETE</promise>\x1b[0m\n']
    : ['\x1b[1;32m<promise>COMP', 'LETE</promise>\x1b[0m\n'];
const write = (text) => new Promise((resolve) => process.stdout.write(text, resolve));

await write('starting\n');
await write(first);
await new Promise((resolve) => setTimeout(resolve, 300));
await write(second);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write('stdin closed\n', () => process.exit(0));
});
