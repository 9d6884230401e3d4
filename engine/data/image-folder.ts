import { type FolderPlan, folderSizeProblem, type ImageFolderSource, readFolderPlan } from './folder-plan.js';
import { decodeImage } from './images.js';
import { MAX_DATA_VALUES, thousands } from './limits.js';
import { bad, good, type Outcome } from './outcome.js';
import { readBytes } from './read.js';
import { resizeArea, withChannels } from './resize.js';
import type { DataFileReader, LabeledData } from './types.js';

export {
  type FolderPlan,
  folderSizeProblem,
  type ImageFolderSource,
  planFolder,
  readFolderPlan,
} from './folder-plan.js';

/** Most messages about single images; after that many, loading stops. */
const MAX_REPORTED = 20;

/**
 * A folder of class-named subfolders of images (folder-plan.ts). Every image is decoded, made grey or RGB, resized to the source's size by area
 * averaging and scaled to [0, 1]. All or nothing: one unreadable image and no data at all.
 */

/**
 * Loads an image folder: x [m, height·width·channels] (each image resized by area averaging, grey
 * by BT.601 luma or RGB, in [0, 1]), y [m] class indices, classNames the subfolder names,
 * imageShape [height, width, channels]. Messages name each unreadable image (the first 20).
 */
export async function loadImageFolder(
  reader: DataFileReader | undefined,
  source: ImageFolderSource,
  room = MAX_DATA_VALUES,
): Promise<Outcome<LabeledData>> {
  const plan = await readFolderPlan(reader, source.path);
  if (!plan.ok) return plan;
  const tooBig = folderSizeProblem(source.path, plan.value, source, room);
  if (tooBig) return bad(tooBig);
  const { width, height, channels } = source;
  const features = width * height * channels;
  const m = plan.value.images.length;
  const x = new Float32Array(m * features);
  const y = new Float32Array(m);
  const failures: string[] = [];
  let i = 0;
  for (; i < m && failures.length < MAX_REPORTED; i++) {
    const image = plan.value.images[i] as FolderPlan['images'][number];
    y[i] = image.label;
    const bytes = await readBytes(reader, image.path);
    if (!bytes.ok) {
      failures.push(...bytes.messages);
      continue;
    }
    const picture = decodeImage(bytes.value);
    if (!picture.ok) {
      failures.push(...picture.messages.map((message) => `'${image.path}' ${message}`));
      continue;
    }
    const { width: w, height: h } = picture.value;
    resizeArea(
      withChannels(picture.value, channels),
      { width: w, height: h, channels },
      { width, height },
      x,
      i * features,
    );
  }
  if (failures.length && i < m) {
    failures.push(
      `NetCanvas stopped after ${MAX_REPORTED} images it could not read, ${thousands(m - i)} before the end; no image of '${source.path}' was loaded.`,
    );
  }
  if (failures.length) return bad(...failures);
  return good({
    m,
    features,
    x,
    y,
    classes: plan.value.classes.length,
    targets: 1,
    classNames: plan.value.classes,
    imageShape: [height, width, channels],
  });
}
