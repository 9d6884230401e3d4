import { parseArgs } from 'node:util';
import { wholeNumber } from './args.js';
import { isNodeExecutorChoice, NODE_EXECUTOR_CHOICES } from './backend.js';
import { exportCommand } from './export.js';
import { gradcheckCommand } from './gradcheck.js';
import { type Output, processOutput } from './output.js';
import { searchCommand } from './search.js';
import { trainCommand } from './train.js';
import { validateCommand } from './validate.js';

const USAGE = `Usage:
  netcanvas validate FILE
  netcanvas train FILE [--epochs N] [--seed N] [--backend auto|fast|wasm|cpu] [--out DIR] [--jsonl]
                  [--layer-stats-every N]
  netcanvas gradcheck FILE [--seed N] [--examples N] [--epochs N]
  netcanvas export FILE --format tfjs|onnx|pytorch --out DIR [--epochs N] [--seed N]
  netcanvas search FILE --trials N [--epochs E] [--seed S] [--jsonl] [--param NODE.PATH=SCALE:MIN:MAX ...]

train's --backend auto (the default) times the fast float32 executor and tf.js on WASM and CPU on
the graph for a moment and trains on the fastest; fast takes the fast executor where the graph allows.
train's --layer-stats-every N measures every layer after the first update and every N-th (a "layers"
event with --jsonl, diagnoses on stderr otherwise; 0: never; default: the Training node's).

validate exits 0 when the graph is valid, 1 with one line per problem (nodeId CODE message),
2 when the file cannot be read or parsed.`;

/** The CLI entry point; returns the exit code. */
export async function main(argv: string[], out: Output = processOutput()): Promise<number> {
  if (argv[0] === 'gradcheck') return gradcheckCommand(argv.slice(1), out);
  if (argv[0] === 'export') return exportCommand(argv.slice(1), out);
  if (argv[0] === 'search') return searchCommand(argv.slice(1), out);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        epochs: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string', default: 'auto' },
        out: { type: 'string' },
        jsonl: { type: 'boolean', default: false },
        'layer-stats-every': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    out.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help || !command) {
    out.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (!file || extra.length) {
    out.error(`${command} takes one FILE.\n\n${USAGE}`);
    return 2;
  }
  if (command === 'validate') return validateCommand(file, out);
  if (command !== 'train') {
    out.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const epochs = wholeNumber('epochs', values.epochs as string | undefined, 1);
  const seed = wholeNumber('seed', values.seed as string | undefined, 0);
  const layerStatsEvery = wholeNumber(
    'layer-stats-every',
    values['layer-stats-every'] as string | undefined,
    0,
  );
  const backend = values.backend as string;
  for (const v of [epochs, seed, layerStatsEvery]) {
    if (typeof v === 'string') {
      out.error(v);
      return 2;
    }
  }
  if (!isNodeExecutorChoice(backend)) {
    out.error(`--backend is ${NODE_EXECUTOR_CHOICES.join(', ')} in Node (no WebGPU here), not "${backend}".`);
    return 2;
  }
  return trainCommand(
    file,
    {
      backend,
      jsonl: values.jsonl as boolean,
      ...(typeof epochs === 'number' ? { epochs } : {}),
      ...(typeof seed === 'number' ? { seed } : {}),
      ...(typeof layerStatsEvery === 'number' ? { layerStatsEvery } : {}),
      ...(values.out ? { out: values.out as string } : {}),
    },
    out,
  );
}
