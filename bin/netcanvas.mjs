#!/usr/bin/env node
// NetCanvas command line. The CLI is TypeScript, run through tsx so no build step can go stale.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(join(here, '..', 'cli', 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
