// Standard input and output for the interop scripts: one JSON document in, one JSON document out.
// A script exits 0 whenever it produced an answer (including "did not verify"); a non-zero exit means the
// script itself failed, and the C# side reports its standard error.

/** Reads all of standard input and parses it as JSON. */
export async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }

  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Writes one JSON document to standard output. */
export function writeOutput(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
