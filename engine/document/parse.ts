import type { z } from 'zod';
import { detailed, error, fail, ok, type Problem, type Result } from '../problems.js';
import { findJsonSyntaxError, looksBinary } from './json-syntax.js';
import { type JsonObject, migrate } from './migrations.js';
import { CURRENT_VERSION, type GraphDocument, GraphDocumentSchema } from './schema.js';

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Bad JSON as a problem with line and column, on every engine (see findJsonSyntaxError). Never quotes
 * the file: a binary file would put raw bytes on the user's terminal.
 */
function jsonSyntaxProblem(text: string): Problem {
  if (looksBinary(text)) {
    return detailed(
      error(
        'PARSE_ERROR',
        null,
        'The file is not text (it holds binary data, such as an image), so it is not a NetCanvas document.',
      ),
      'binaryFile',
      {},
    );
  }
  const found = findJsonSyntaxError(text);
  if (!found)
    return detailed(
      error('PARSE_ERROR', null, 'The file is not valid JSON (nested too deeply to say where).'),
      'jsonTooDeep',
      {},
    );
  const { line, column } = lineColumnAt(text, found.offset);
  const problem = error('PARSE_ERROR', null, `line ${line}, column ${column}: ${found.reason}.`);
  return detailed(problem, 'jsonSyntax', { line, column, reason: found.reason });
}

/** Turns zod issues into problems that name the node (by id) and the field. */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], root: unknown): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    let nodeId: string | null = null;
    if (path[0] === 'nodes' && path.length > 1) {
      const node = (root as { nodes?: unknown[] }).nodes?.[Number(path[1])] as { id?: unknown } | undefined;
      if (typeof node?.id === 'string') nodeId = node.id;
    }
    const where = path.length ? path.join('.') : 'document';
    return detailed(error('SCHEMA', nodeId, `${where}: ${issue.message}`, where), 'schema', {
      where,
      reason: issue.message,
    });
  });
}

/**
 * Deepest nesting a document may have. Real documents nest about 8 levels (inline data:
 * document → nodes → node → params → source → x → row → value); JSON.parse reads any depth, but
 * JSON.stringify and structuredClone overflow the stack past a few thousand, so a deeper file would
 * load and then fail on the first save, autosave or training run.
 */
export const MAX_DOCUMENT_DEPTH = 100;

/** The path of the first value nested deeper than MAX_DOCUMENT_DEPTH, or null. Iterative: any depth. */
function tooDeepAt(json: unknown): string[] | null {
  interface Entry {
    value: object;
    depth: number;
    key: string;
    parent: Entry | null;
  }
  const stack: Entry[] = [];
  if (typeof json === 'object' && json !== null) stack.push({ value: json, depth: 1, key: '', parent: null });
  while (stack.length) {
    const entry = stack.pop()!;
    if (entry.depth > MAX_DOCUMENT_DEPTH) {
      const path: string[] = [];
      for (let at: Entry | null = entry; at?.parent; at = at.parent) path.unshift(at.key);
      return path;
    }
    for (const [key, value] of Object.entries(entry.value)) {
      if (typeof value === 'object' && value !== null)
        stack.push({ value, depth: entry.depth + 1, key, parent: entry });
    }
  }
  return null;
}

function depthProblem(path: string[], root: unknown): Problem {
  const nodes = (root as { nodes?: unknown }).nodes;
  const node =
    path[0] === 'nodes' && Array.isArray(nodes) ? (nodes[Number(path[1])] as { id?: unknown }) : null;
  const shown = path.length > 8 ? `${path.slice(0, 8).join('.')}.…` : path.join('.');
  return detailed(
    error(
      'SCHEMA',
      typeof node?.id === 'string' ? node.id : null,
      `${shown}: nested more than ${MAX_DOCUMENT_DEPTH} levels deep; a NetCanvas document nests far less, so the file is damaged or not a project.`,
      path.slice(0, 8).join('.'),
    ),
    'nestedTooDeep',
    { where: shown, levels: MAX_DOCUMENT_DEPTH },
  );
}

function versionTooNew(version: unknown): Problem {
  const message = `The document is version ${String(version)}, written by a newer NetCanvas; this one reads up to version ${CURRENT_VERSION}. Update NetCanvas to open it.`;
  return detailed(error('VERSION_TOO_NEW', null, message), 'versionTooNew', {
    version: String(version),
    current: CURRENT_VERSION,
  });
}

function versionUnknown(version: unknown): Problem {
  const shown =
    typeof version === 'number' ? String(version) : (JSON.stringify(version)?.slice(0, 40) ?? 'undefined');
  const message = `The document version ${shown} is not known.`;
  return detailed(error('VERSION_UNKNOWN', null, message), 'versionUnknown', { version: shown });
}

function duplicateIdProblems(doc: GraphDocument): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const node of doc.nodes) {
    if (seen.has(node.id))
      problems.push(
        detailed(error('DUPLICATE_ID', node.id, `Two nodes have the id "${node.id}".`), 'duplicateNode', {
          id: node.id,
        }),
      );
    seen.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id))
      problems.push(
        detailed(error('DUPLICATE_ID', null, `Two edges have the id "${edge.id}".`), 'duplicateEdge', {
          id: edge.id,
        }),
      );
    edgeIds.add(edge.id);
  }
  return problems;
}

/**
 * Reads a document from already-parsed JSON: checks it is a NetCanvas document, migrates older
 * versions, and validates the document's own structure (not yet the graph's meaning).
 */
export function readDocument(json: unknown): Result<GraphDocument> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail([
      detailed(
        error('NOT_A_DOCUMENT', null, 'The file holds no JSON object, so it is not a NetCanvas document.'),
        'noJsonObject',
        {},
      ),
    ]);
  }
  const raw = json as JsonObject;
  if (raw.format !== 'netcanvas') {
    const problem = error('NOT_A_DOCUMENT', null, 'The file has no "format": "netcanvas" field.');
    return fail([detailed(problem, 'noFormatField', {})]);
  }
  const deep = tooDeepAt(raw);
  if (deep) return fail([depthProblem(deep, raw)]);
  const migrated = migrate(raw);
  if (!migrated.ok) {
    return fail([
      migrated.reason === 'too-new' ? versionTooNew(migrated.version) : versionUnknown(migrated.version),
    ]);
  }
  const parsed = GraphDocumentSchema.safeParse(migrated.doc);
  if (!parsed.success) return fail(schemaProblems(parsed.error.issues, migrated.doc));
  const duplicates = duplicateIdProblems(parsed.data);
  return duplicates.length ? fail(duplicates) : ok(parsed.data);
}

/** Parses a document from file text. Bad JSON comes back as a problem with its line and column. */
export function parseDocument(text: string): Result<GraphDocument> {
  // A byte-order mark (Windows editors write one) is no part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail([jsonSyntaxProblem(body)]);
  }
  return readDocument(json);
}

/** Serializes a document the way NetCanvas saves it (stable key order, 2-space indent). */
export function serializeDocument(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
