import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  BUILTIN_DATA_FILES,
  BUILTIN_DATA_URL_PREFIX,
  DEBIAN_DATASETS_FOLDER,
} from '../../engine/data/builtin-files';

/**
 * Node only, for `vite` and `vite preview` (vite.config.ts): serves the built-in data sets' files,
 * which the plain-browser platform fetches from `datasets/<file>` (browser.ts's readBuiltinData).
 * Exactly the four names of BUILTIN_DATA_FILES are served, from Debian's folder; any other path
 * under datasets/ is a 404, and nothing else is touched.
 */
export function builtinDataMiddleware(folder = DEBIAN_DATASETS_FOLDER) {
  const urls = new Map(BUILTIN_DATA_FILES.map((file) => [`/${BUILTIN_DATA_URL_PREFIX}${file}`, file]));
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(`/${BUILTIN_DATA_URL_PREFIX}`)) {
      next();
      return;
    }
    const file = urls.get(path);
    const notFound = (why: string) => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(why);
    };
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      notFound('Not a built-in data file.');
      return;
    }
    const full = join(folder, file);
    stat(full).then(
      (info) => {
        if (!info.isFile()) {
          notFound(`${file} is not installed.`);
          return;
        }
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/gzip');
        res.setHeader('Content-Length', String(info.size));
        if (req.method === 'HEAD') res.end();
        else
          createReadStream(full)
            .on('error', () => res.destroy())
            .pipe(res);
      },
      () => notFound(`${file} is not installed: sudo apt install dataset-fashion-mnist`),
    );
  };
}
