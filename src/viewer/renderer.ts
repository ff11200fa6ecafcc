/** `viewer.renderer` in config.json: what the operator asks for. */
export type RendererSetting = 'auto' | 'webgl' | 'cpu';

/** How the viewer draws images: WebGL (the graphics card, or its emulation) or its own CPU path. */
export type Renderer = 'webgl' | 'cpu';

/** Why the viewer draws the way it does. */
export type RendererReason =
  /** The browser offers no WebGL at all (switched off, blocked by policy, no driver): the page says so. */
  | 'no-webgl'
  /** WebGL emulated on the CPU (no graphics card): the CPU path draws the same pixels faster. */
  | 'software-webgl'
  /** WebGL on a graphics card. */
  | 'graphics-card'
  /** config.json's `viewer.renderer` names one. */
  | 'configured';

export interface RendererChoice {
  renderer: Renderer;
  reason: RendererReason;
}

/** What the browser says about its WebGL. */
export interface WebglFacts {
  webgl: boolean;
  /** The unmasked renderer string (WEBGL_debug_renderer_info), or the masked one; '' when unknown. */
  renderer: string;
}

/**
 * Rasterizers that emulate a graphics card on the CPU: Chromium's SwiftShader (also inside ANGLE's
 * Vulkan back end), Mesa's llvmpipe and softpipe, and Windows' Microsoft Basic Render Driver (virtual
 * machines and remote desktops without a GPU).
 */
const SOFTWARE_RASTERIZERS = /swiftshader|llvmpipe|softpipe|microsoft basic render driver/i;

/** Whether a WebGL renderer string names a software rasterizer rather than a graphics card. */
export function isSoftwareRasterizer(renderer: string): boolean {
  return SOFTWARE_RASTERIZERS.test(renderer);
}

/**
 * Chooses how to draw. "auto" takes WebGL on a graphics card, and the CPU path where WebGL is itself
 * emulated on the CPU: there the CPU path draws the same pixels (greyscaleCanvas.ts) several times
 * faster, as the software rasterizer renders every frame and copies it back. Without WebGL only the
 * CPU path can draw, whatever the setting.
 */
export function chooseRenderer(setting: RendererSetting, facts: WebglFacts): RendererChoice {
  if (!facts.webgl) return { renderer: 'cpu', reason: 'no-webgl' };
  if (setting !== 'auto') return { renderer: setting, reason: 'configured' };
  return isSoftwareRasterizer(facts.renderer)
    ? { renderer: 'cpu', reason: 'software-webgl' }
    : { renderer: 'webgl', reason: 'graphics-card' };
}
