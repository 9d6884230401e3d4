/** The environment variable that turns the Linux WebGPU switches off (NETCANVAS_WEBGPU=0). */
export const WEBGPU_ENV = 'NETCANVAS_WEBGPU';

/**
 * Chromium switches main sets before the app is ready, so WebGPU works where the GPU supports it.
 * Windows and macOS have WebGPU on by default. On Linux Chromium ships it behind
 * --enable-unsafe-webgpu and needs Vulkan (`enable-features` takes one comma-separated list: set
 * twice, the second would replace the first). Where no adapter comes up, the renderer falls back to
 * WebGL, then WASM.
 */
export function webgpuSwitches(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): [name: string, value?: string][] {
  if (platform !== 'linux' || env[WEBGPU_ENV] === '0') return [];
  // WebGL keeps its default ANGLE backend (forcing ANGLE onto Vulkan breaks WebGL on machines
  // without Vulkan drivers, and WebGL is the first fallback).
  return [['enable-unsafe-webgpu'], ['enable-features', 'Vulkan']];
}
