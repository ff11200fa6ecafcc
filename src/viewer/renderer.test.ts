import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRasterizer } from './renderer';

// Renderer strings as browsers report them (WEBGL_debug_renderer_info, UNMASKED_RENDERER_WEBGL).
const SWIFTSHADER_VULKAN =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const SWIFTSHADER_GL = 'Google SwiftShader';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const MESA_ANGLE_LLVMPIPE = 'ANGLE (Mesa, llvmpipe (LLVM 17.0.6 256 bits), OpenGL 4.5)';
const BASIC_RENDER = 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const INTEL = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';
const APPLE = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)';
const AMD = 'AMD Radeon Pro 5500M OpenGL Engine';

describe('isSoftwareRasterizer', () => {
  it('recognises SwiftShader, llvmpipe and the Microsoft Basic Render Driver', () => {
    for (const renderer of [SWIFTSHADER_VULKAN, SWIFTSHADER_GL, LLVMPIPE, MESA_ANGLE_LLVMPIPE, BASIC_RENDER])
      expect(isSoftwareRasterizer(renderer), renderer).toBe(true);
  });

  it('takes graphics cards and unknown strings for hardware', () => {
    for (const renderer of [NVIDIA, INTEL, APPLE, AMD, 'WebKit WebGL', ''])
      expect(isSoftwareRasterizer(renderer), renderer).toBe(false);
  });
});

describe('chooseRenderer', () => {
  it('takes WebGL on a graphics card, and the CPU path where WebGL is a software rasterizer', () => {
    expect(chooseRenderer('auto', { webgl: true, renderer: SWIFTSHADER_VULKAN })).toEqual({
      renderer: 'cpu',
      reason: 'software-webgl',
    });
    expect(chooseRenderer('auto', { webgl: true, renderer: BASIC_RENDER })).toEqual({
      renderer: 'cpu',
      reason: 'software-webgl',
    });
    expect(chooseRenderer('auto', { webgl: true, renderer: NVIDIA })).toEqual({
      renderer: 'webgl',
      reason: 'graphics-card',
    });
    // A browser that masks its renderer string is taken at its word: a graphics card.
    expect(chooseRenderer('auto', { webgl: true, renderer: '' }).renderer).toBe('webgl');
  });

  it('draws on the CPU without WebGL, whatever is configured', () => {
    for (const setting of ['auto', 'webgl', 'cpu'] as const)
      expect(chooseRenderer(setting, { webgl: false, renderer: '' })).toEqual({
        renderer: 'cpu',
        reason: 'no-webgl',
      });
  });

  it('follows a configured renderer where WebGL exists', () => {
    expect(chooseRenderer('webgl', { webgl: true, renderer: SWIFTSHADER_GL })).toEqual({
      renderer: 'webgl',
      reason: 'configured',
    });
    expect(chooseRenderer('cpu', { webgl: true, renderer: NVIDIA })).toEqual({
      renderer: 'cpu',
      reason: 'configured',
    });
  });
});
