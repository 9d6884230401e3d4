import { bad, good, type Outcome, reasonOf } from './outcome.js';
import type { DataFileReader, FolderEntry } from './types.js';

/**
 * The reader's calls, with every failure turned into a message naming the path: a missing method
 * ("no reader for … here"), a rejection (the reader's reason), an answer of the wrong type.
 */

export async function readBytes(
  reader: DataFileReader | undefined,
  path: string,
): Promise<Outcome<Uint8Array>> {
  if (!reader?.readBytes) return bad(`Cannot read '${path}': no reader for binary files is available here.`);
  try {
    const bytes = await reader.readBytes(path);
    if (!(bytes instanceof Uint8Array)) throw new Error('the file reader returned no bytes');
    return good(bytes);
  } catch (err) {
    return bad(`Cannot read '${path}': ${reasonOf(err)}`);
  }
}

export async function listFolder(
  reader: DataFileReader | undefined,
  path: string,
): Promise<Outcome<FolderEntry[]>> {
  if (!reader?.listFolder)
    return bad(`Cannot read the folder '${path}': no reader for folders is available here.`);
  try {
    const entries = await reader.listFolder(path);
    if (!Array.isArray(entries)) throw new Error('the file reader returned no list');
    return good(
      entries.filter((e) => typeof e?.name === 'string' && (e.kind === 'file' || e.kind === 'folder')),
    );
  } catch (err) {
    return bad(`Cannot read the folder '${path}': ${reasonOf(err)}`);
  }
}
