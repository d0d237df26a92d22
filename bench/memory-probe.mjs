/**
 * Preloaded into the subgraph by the soak bench only (`--import`): on SIGUSR2, runs a full garbage
 * collection and prints the memory left, so the start and end of a soak compare what is retained rather
 * than wherever V8's heap sizing happened to be (the same build's raw RSS swung +5%..+19% start to end).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

process.on('SIGUSR2', () => {
  // Twice: the first pass can leave objects that only the finalizers it ran made unreachable.
  collectGarbage();
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 2 ** 20);
  process.stdout.write(`MEMORY ${JSON.stringify({ rssMb: mb(rss), heapUsedMb: mb(heapUsed) })}\n`);
});
