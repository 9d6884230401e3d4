/**
 * `npm run bench:browser`: the browser part of the benchmark alone (bench/chromium/; `-- --quick` for a
 * short pass, `-- --only=throughput` or `-- --only=ui` for one half). Prints its rows of the combined
 * table — without the PyTorch peer, which `npm run bench` measures with the Node part — and writes
 * bench/browser-results.json.
 */
import { CHROMIUM, hasChromium } from '../e2e/browser';
import { browserBench } from './chromium/bench';
import { chromiumOptions } from './chromium/options';
import { machine, writeResults } from './results';
import { benchTable, formatTable } from './table';

if (!hasChromium) {
  console.warn(`bench:browser: ${CHROMIUM} is missing (apt-get install chromium); nothing measured.`);
} else {
  const options = chromiumOptions(process.argv.slice(2));
  const browser = await browserBench(options);
  const table = benchTable(null, browser);
  console.log(
    `\nChromium, each figure the median (min–max) of ${browser.repeats} timed runs after a warm-up.\n`,
  );
  console.log(formatTable(table));
  console.log('\nPyTorch peers: `npm run bench` (the Node part runs them).');
  const results = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    browser,
    table,
  };
  writeResults(new URL('./browser-results.json', import.meta.url), results);
  console.log('\nWrote bench/browser-results.json.');
}
