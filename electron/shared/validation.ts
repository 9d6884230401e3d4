import { z } from 'zod';
import { BUILTIN_DATA_FILES } from '../../engine/data/builtin-files.js';
import { MENU_COMMANDS } from './api.js';

/**
 * Payload schemas for every IPC request, checked in main before anything touches the disk. A
 * renderer is untrusted input: sizes are bounded, names cannot hold folders, paths are strings main
 * checks again against what the user chose.
 */

/** A project (and the autosave) is at most this many bytes of UTF-8. */
export const MAX_PROJECT_BYTES = 128 * 2 ** 20;
/** An export is at most this many bytes in all, in at most MAX_EXPORT_FILES files. */
export const MAX_EXPORT_BYTES = 2 ** 30;
export const MAX_EXPORT_FILES = 16;
export const MAX_PATH_LENGTH = 4096;
export const MAX_TITLE_LENGTH = 512;

/** A file system path as text: no NUL bytes, bounded length. Main checks where it points. */
export const PathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL.');

/** A plain file name for a dialog's suggestion: no folders, no NUL. */
export const FileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', 'A file name cannot name a folder.');

/** Project text; its UTF-8 size is checked again when it is encoded. */
export const ProjectTextSchema = z.string().max(MAX_PROJECT_BYTES);

export const SaveProjectRequestSchema = z
  .object({
    path: PathSchema.nullable(),
    suggestedName: FileNameSchema,
    text: ProjectTextSchema,
    saveAs: z.boolean(),
  })
  .strict();

/** Export file names: what `exportModelFiles` makes (model.json, weights.bin, model.onnx, …). */
export const ExportFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Not a plain file name.');

export const ExportModelRequestSchema = z
  .object({
    format: z.enum(['tfjs', 'onnx', 'pytorch']),
    suggestedName: FileNameSchema,
    files: z
      .array(z.object({ name: ExportFileNameSchema, data: z.instanceof(Uint8Array) }).strict())
      .min(1)
      .max(MAX_EXPORT_FILES),
  })
  .strict()
  .refine(
    (r) => new Set(r.files.map((f) => f.name)).size === r.files.length,
    'Two export files share a name.',
  )
  .refine(
    (r) => r.files.reduce((n, f) => n + f.data.byteLength, 0) <= MAX_EXPORT_BYTES,
    `An export is at most ${MAX_EXPORT_BYTES / 2 ** 20} MiB.`,
  );

/** One of the four files of a built-in data set, by name: main builds the path, never the page. */
export const BuiltinDataFileSchema = z.enum(BUILTIN_DATA_FILES);

export const TitleSchema = z.string().max(MAX_TITLE_LENGTH);
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
