/**
 * `npm run bench`: the Node part (bench/run.ts: NetCanvas's trainer and fast executor in Node on the
 * four reference graphs, the lessons' networks and a LeNet-style CNN, PyTorch on the CPU as the peer,
 * the WASM matmul peak, the layer statistics' cost, the command line's start-up), then the browser
 * part (bench/chromium/: Chromium's backends, the live app, the editor, memory), printed as one
 * table — each figure with its peer or target and the ratio — and written with every measurement to
 * bench/results.json.
 *
 * Flags: `--quick` (a short pass), `--no-node`, `--no-browser`, `--only=throughput|ui` (one half of the
 * browser part). Progress goes to stderr, the table to stdout.
 */
import { CHROMIUM, hasChromium } from '../e2e/browser';
import { type BrowserResults, browserBench } from './chromium/bench';
import { chromiumOptions } from './chromium/options';
import { type BenchResults, machine, type NodeResults, writeResults } from './results';
import { benchTable, formatTable } from './table';

const args = process.argv.slice(2);
const options = chromiumOptions(args);
const skipped: string[] = [];

let node: NodeResults | null = null;
if (args.includes('--no-node')) skipped.push('Node part and its PyTorch peer: --no-node.');
else node = (await import('./run')).nodeResults;

let browser: BrowserResults | null = null;
if (args.includes('--no-browser')) skipped.push('Browser part: --no-browser.');
else if (!hasChromium) skipped.push(`Browser part: ${CHROMIUM} is missing (apt-get install chromium).`);
else browser = await browserBench(options);

// The layer statistics' cost and the command line's start-up come with the Node part (moreRows).
const table = benchTable(node, browser);
const m = machine();
const notes = [...skipped.map((s) => `Skipped: ${s}`), ...(node?.torchNote ? [node.torchNote] : [])];
const runs = [node ? 'Node 3' : '', browser ? `Chromium ${browser.repeats}` : ''].filter(Boolean).join(', ');
console.log(
  `\nNetCanvas benchmark${options.quick ? ' (--quick)' : ''}: ${m.cores} × ${m.cpu}, Node ${m.node}` +
    `${browser ? `, ${browser.chromium}` : ''}. Each figure: median (min–max) of the timed runs after a warm-up (${runs}).\n`,
);
console.log(formatTable(table));
if (notes.length) console.log(`\n${notes.join('\n')}`);
const results: BenchResults = {
  date: new Date().toISOString(),
  quick: options.quick,
  machine: m,
  node,
  browser,
  skipped,
  table,
};
writeResults(new URL('./results.json', import.meta.url), results);
console.log('\nWrote bench/results.json.');
