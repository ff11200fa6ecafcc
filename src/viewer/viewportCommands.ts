import type { ViewportAction } from './tools';
import type { WindowPreset } from './windowPresets';

/** What the toolbar and the keys ask of one viewport. */
export type ViewportCommand =
  | { kind: 'action'; action: ViewportAction }
  | { kind: 'window'; preset: WindowPreset }
  | { kind: 'cineRate'; framesPerSecond: number };

type Handler = (command: ViewportCommand) => void;

const handlers = new Map<string, Handler>();

/**
 * The toolbar lives outside the lazily loaded image code; viewports listen here for what it asks.
 * Returns the function that stops listening.
 */
export function onViewportCommand(viewportId: string, handler: Handler): () => void {
  handlers.set(viewportId, handler);
  return () => {
    if (handlers.get(viewportId) === handler) handlers.delete(viewportId);
  };
}

/** False when no image viewport is listening under that id (a card, or images still loading). */
export function sendViewportCommand(viewportId: string, command: ViewportCommand): boolean {
  const handler = handlers.get(viewportId);
  if (!handler) return false;
  handler(command);
  return true;
}
