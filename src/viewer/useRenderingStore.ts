import { create } from 'zustand';

interface RenderingState {
  /**
   * The browser offers no WebGL, so Cornerstone draws on the CPU (same pixels, slower); undefined until
   * the engine has started and looked.
   */
  webglMissing: boolean | undefined;
}

export const useRenderingStore = create<RenderingState>()(() => ({ webglMissing: undefined }));
