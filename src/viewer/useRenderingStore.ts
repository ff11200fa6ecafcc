import { create } from 'zustand';
import type { RendererChoice } from './renderer';

interface RenderingState {
  /** How the viewer draws and why (renderer.ts); undefined until the engine has started and looked. */
  choice: RendererChoice | undefined;
}

export const useRenderingStore = create<RenderingState>()(() => ({ choice: undefined }));
