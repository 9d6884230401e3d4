/**
 * Numbered migrations: `migrations[k]` turns a version-k document into version k+1. A saved document
 * is walked up the chain to CURRENT_VERSION before it is parsed, so every file NetCanvas ever wrote
 * still opens. Each migration is a pure function of plain JSON and has its own test.
 */
import { CURRENT_VERSION } from './schema.js';

export type JsonObject = Record<string, unknown>;
export type Migration = (doc: JsonObject) => JsonObject;

/** Version 1 is the first released format; later versions add their step here. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationOutcome =
  | { ok: true; doc: JsonObject; from: number }
  | { ok: false; reason: 'too-new' | 'unknown'; version: unknown };

/** Brings a parsed document up to `target` (default: the current version). */
export function migrate(
  doc: JsonObject,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = CURRENT_VERSION,
): MigrationOutcome {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown', version };
  }
  if (version > target) return { ok: false, reason: 'too-new', version };
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'unknown', version };
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, doc: current, from: version };
}
