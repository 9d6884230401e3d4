import { describe, expect, it } from 'vitest';
import { projectFilesFromArgv } from './command-line.js';
import { webgpuSwitches } from './gpu.js';
import { devServerUrl } from './paths.js';

describe('files on the command line', () => {
  it('takes .json files (relative to the working folder), skipping switches and the app path', () => {
    const argv = [
      '/usr/bin/electron',
      '.',
      '--no-sandbox',
      'presets/moons-adam.netcanvas.json',
      '/abs/b.JSON',
      'notes.txt',
    ];
    expect(projectFilesFromArgv(argv, '/work')).toEqual([
      '/work/presets/moons-adam.netcanvas.json',
      '/abs/b.JSON',
    ]);
    expect(
      projectFilesFromArgv(['C:/NetCanvas/NetCanvas.exe', '--original-process-start-time=1'], '/'),
    ).toEqual([]);
  });
});

describe('WebGPU switches', () => {
  it('turns on WebGPU with Vulkan on Linux only, in one enable-features list', () => {
    expect(webgpuSwitches('linux', {})).toEqual([['enable-unsafe-webgpu'], ['enable-features', 'Vulkan']]);
    expect(webgpuSwitches('win32', {})).toEqual([]);
    expect(webgpuSwitches('darwin', {})).toEqual([]);
    expect(webgpuSwitches('linux', { NETCANVAS_WEBGPU: '0' })).toEqual([]);
  });
});

describe('dev server', () => {
  it('is used only by an unpackaged app and only on this machine', () => {
    expect(devServerUrl({ NETCANVAS_DEV_URL: 'http://127.0.0.1:5173/' }, false)).toBe(
      'http://127.0.0.1:5173',
    );
    expect(devServerUrl({ NETCANVAS_DEV_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerUrl({ NETCANVAS_DEV_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerUrl({ NETCANVAS_DEV_URL: 'file:///tmp/index.html' }, false)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
  });
});
