/**
 * The files of the built-in data sets that are installed on the machine rather than shipped inside
 * NetCanvas. Fashion-MNIST comes from Debian's `dataset-fashion-mnist` package, which installs them
 * in /usr/share/datasets/fashion-mnist/. The engine only names them; the CLI (node:fs), Electron's
 * main process (one IPC channel) and the web server (a fixed URL) each serve exactly these files.
 */
export const BUILTIN_DATA_FILES = [
  'fashion-mnist/train-images-idx3-ubyte.gz',
  'fashion-mnist/train-labels-idx1-ubyte.gz',
  'fashion-mnist/t10k-images-idx3-ubyte.gz',
  'fashion-mnist/t10k-labels-idx1-ubyte.gz',
] as const;

export type BuiltinDataFile = (typeof BUILTIN_DATA_FILES)[number];

/** Where Debian installs data set packages: a file is /usr/share/datasets/<BuiltinDataFile>. */
export const DEBIAN_DATASETS_FOLDER = '/usr/share/datasets';

/** The URL path the web app fetches a built-in file from (relative to the page): "datasets/<file>". */
export const BUILTIN_DATA_URL_PREFIX = 'datasets/';

export const isBuiltinDataFile = (name: unknown): name is BuiltinDataFile =>
  typeof name === 'string' && (BUILTIN_DATA_FILES as readonly string[]).includes(name);
