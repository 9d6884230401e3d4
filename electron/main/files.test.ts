import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autosaveFile,
  clearAutosave,
  FileError,
  normalizeAbsolutePath,
  readAutosave,
  readProjectFile,
  withProjectExtension,
  writeAutosave,
  writeExportFiles,
  writeFileAtomic,
  writeProjectFile,
} from './files.js';

const folder = () => mkdtemp(join(tmpdir(), 'netcanvas-files-'));

describe('atomic saves', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = await folder();
    const path = join(dir, 'moons.netcanvas.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new text');
    expect(await readFile(path, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['moons.netcanvas.json']);
  });

  it('keeps the old file when the write fails half-way', async () => {
    const dir = await folder();
    const path = join(dir, 'moons.netcanvas.json');
    await writeFile(path, 'old');
    // A value the file handle cannot write fails after the temporary file was opened.
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['moons.netcanvas.json']);
  });

  it('keeps the old file when the rename fails', async () => {
    const dir = await folder();
    const target = join(dir, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readdir(target)).toEqual(['inside']);
  });
});

describe('project files', () => {
  it('reads a project and refuses one above the size limit without reading it', async () => {
    const dir = await folder();
    const path = join(dir, 'a.netcanvas.json');
    await writeFile(path, '{"format":"netcanvas"}');
    expect(await readProjectFile(path)).toBe('{"format":"netcanvas"}');
    await expect(readProjectFile(path, 8)).rejects.toThrow(FileError);
    await expect(readProjectFile(path, 8)).rejects.toThrow(/at most/);
  });

  it('says plainly when the file is gone or is a folder', async () => {
    const dir = await folder();
    await expect(readProjectFile(join(dir, 'gone.json'))).rejects.toThrow('gone.json no longer exists.');
    await expect(readProjectFile(dir)).rejects.toThrow(/is not a file/);
  });

  it('refuses to write text larger than the limit (in UTF-8 bytes)', async () => {
    const dir = await folder();
    const path = join(dir, 'big.netcanvas.json');
    // "é" is 2 bytes: 5 characters, 10 bytes.
    await expect(writeProjectFile(path, 'ééééé', 8)).rejects.toThrow(/larger than/);
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('takes only absolute paths from the page', () => {
    expect(() => normalizeAbsolutePath('relative/x.json')).toThrow(FileError);
    expect(normalizeAbsolutePath('/tmp/a/../b.json')).toBe('/tmp/b.json');
  });

  it('adds .netcanvas.json to a name without a .json extension', () => {
    expect(withProjectExtension('/p/moons')).toBe('/p/moons.netcanvas.json');
    expect(withProjectExtension('/p/moons.json')).toBe('/p/moons.json');
    expect(withProjectExtension('/p/moons.netcanvas.json')).toBe('/p/moons.netcanvas.json');
  });
});

describe('exports and autosave', () => {
  it('writes export files into the folder, refusing names with folders in them', async () => {
    const dir = join(await folder(), 'moons-onnx');
    const data = new Uint8Array([1, 2, 3]);
    expect(await writeExportFiles(dir, [{ name: 'model.onnx', data }])).toEqual(['model.onnx']);
    expect(new Uint8Array(await readFile(join(dir, 'model.onnx')))).toEqual(data);
    await expect(writeExportFiles(dir, [{ name: '../evil', data }])).rejects.toThrow(FileError);
  });

  it('keeps one autosave in the data folder: write, read, clear', async () => {
    const userData = join(await folder(), 'NetCanvas');
    expect(await readAutosave(userData)).toBeNull();
    await writeAutosave(userData, '{"autosaved":true}');
    expect(autosaveFile(userData)).toBe(join(userData, 'autosave.netcanvas.json'));
    expect(await readAutosave(userData)).toBe('{"autosaved":true}');
    await clearAutosave(userData);
    await clearAutosave(userData); // clearing twice is fine
    expect(await readAutosave(userData)).toBeNull();
  });
});
