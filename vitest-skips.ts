import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** The messages tests print when they skip, e.g. "e2e: skipping the editor test: /usr/bin/chromium is missing …". */
const SKIP_MESSAGE = /skip/i;

/**
 * Ends the test run with one line: how many tests skipped, in which files, and the reasons the skipping
 * tests printed (a missing Chromium, scikit-learn, PyTorch or Fashion-MNIST; `.ci/run` installs them).
 * `Skipped 0 of 812 tests.` on a machine that has everything.
 */
export default class SkipSummary implements Reporter {
  private readonly reasons = new Set<string>();

  onUserConsoleLog(log: { content: string }): void {
    for (const line of log.content.split('\n')) if (SKIP_MESSAGE.test(line)) this.reasons.add(line.trim());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let total = 0;
    const perFile = new Map<string, number>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        total++;
        if (test.result().state !== 'skipped' || test.options.mode === 'todo') continue;
        const file = relative(process.cwd(), module.moduleId);
        perFile.set(file, (perFile.get(file) ?? 0) + 1);
      }
    }
    const skipped = [...perFile.values()].reduce((a, b) => a + b, 0);
    const files = [...perFile].map(([file, n]) => `${file} ${n}`).join(', ');
    const why = this.reasons.size ? ` Why: ${[...this.reasons].join(' | ')}` : '';
    console.log(`Skipped ${skipped} of ${total} tests${skipped ? ` (${files}).${why}` : '.'}`);
  }
}
