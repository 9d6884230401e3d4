import { describe, expect, it } from 'vitest';
import { workerReader } from './workerReader';

describe("the training worker's reader", () => {
  const reader = workerReader(
    {
      'iris.csv': 'a,b\n1,0\n',
      'shoes/boot/1.png': new Blob([Uint8Array.from([1, 2])]),
      'shoes/sandal/2.png': new Blob([]),
    },
    {
      'fashion-mnist/t10k-labels-idx1-ubyte.gz': new Blob([Uint8Array.from([7])]),
      'fashion-mnist/train-images-idx3-ubyte.gz': null,
    },
  );

  it('reads text and bytes of the files the app handed over, and lists folders from their paths', async () => {
    expect(await reader.readText('iris.csv')).toBe('a,b\n1,0\n');
    expect(Array.from(await reader.readBytes!('shoes/boot/1.png'))).toEqual([1, 2]);
    expect(await reader.listFolder!('shoes')).toEqual([
      { name: 'boot', kind: 'folder' },
      { name: 'sandal', kind: 'folder' },
    ]);
    expect(await reader.listFolder!('shoes/boot/')).toEqual([{ name: '1.png', kind: 'file' }]);
  });

  it('refuses anything else, Object.prototype names included', async () => {
    for (const path of ['constructor', '__proto__', '../iris.csv', 'other.csv']) {
      await expect(reader.readBytes!(path), path).rejects.toThrow(
        `the file "${path}" was not opened in the app`,
      );
    }
    await expect(reader.listFolder!('pets')).rejects.toThrow('the folder "pets" was not opened in the app');
  });

  it('answers built-in files read by the app, null for not installed, and says when one is still being read', async () => {
    expect(Array.from((await reader.readBuiltin!('fashion-mnist/t10k-labels-idx1-ubyte.gz')) ?? [])).toEqual([
      7,
    ]);
    expect(await reader.readBuiltin!('fashion-mnist/train-images-idx3-ubyte.gz')).toBeNull();
    await expect(reader.readBuiltin!('fashion-mnist/t10k-images-idx3-ubyte.gz')).rejects.toThrow(
      'still reading',
    );
  });
});
