/** `viewer.renderer` in config.json: what the operator asks for. */
export type RendererSetting = 'auto' | 'webgl' | 'cpu';

/** How the viewer draws images: WebGL (the graphics card, or its emulation) or its own CPU path. */
export type Renderer = 'webgl' | 'cpu';

/** Why the viewer draws the way it does. */
export type RendererReason =
  /** The browser offers no WebGL at all (switched off, blocked by policy, no driver): the page says so. */
  | 'no-webgl'
  /** WebGL emulated on the CPU (no graphics card): correct, but each frame is rendered in software. */
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
 * Chooses how to draw. "auto" keeps WebGL wherever the browser has it, also when WebGL is itself
 * emulated on the CPU, where the CPU path would scroll about nine times faster: that path windows the
 * pixels before magnifying them, so small bright structures lose brightness at their edges (a 3-pixel
 * 1500 HU marker reads 237 instead of 255 at the CT's 40/400), and correct pixels come before speed.
 * An operator may choose "cpu" knowingly (README, configuration). Without WebGL only the CPU path can
 * draw, whatever the setting.
 */
export function chooseRenderer(setting: RendererSetting, facts: WebglFacts): RendererChoice {
  if (!facts.webgl) return { renderer: 'cpu', reason: 'no-webgl' };
  if (setting !== 'auto') return { renderer: setting, reason: 'configured' };
  return {
    renderer: 'webgl',
    reason: isSoftwareRasterizer(facts.renderer) ? 'software-webgl' : 'graphics-card',
  };
}
