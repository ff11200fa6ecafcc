import { create } from 'zustand';

/** How images are drawn: on the graphics card (WebGL), or by the CPU where the browser has no WebGL. */
export type RenderingBackend = 'gpu' | 'cpu';

interface RenderingState {
  /** Undefined until Cornerstone has started and looked at the browser. */
  backend: RenderingBackend | undefined;
}

export const useRenderingStore = create<RenderingState>()(() => ({ backend: undefined }));
