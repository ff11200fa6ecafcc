import { useEffect, useEffectEvent } from 'react';
import { isTextEntry } from './keyboard';
import { shortcutCommand, type ShortcutCommand } from './tools';

/**
 * The viewer's single-key shortcuts (tools, image actions, presets, "?"), anywhere on the page except
 * in a field, with a dialog open, or on a focused button for Space (which presses the button).
 */
export function useViewerShortcuts(enabled: boolean, run: (command: ShortcutCommand) => void): void {
  const runLatest = useEffectEvent(run);
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target)) return;
      const target = event.target as Element | null;
      if (event.key === ' ' && target?.closest?.('button, a, summary, input, select')) return;
      if (document.querySelector('dialog[open]')) return;
      const command = shortcutCommand(event.key);
      if (!command) return;
      event.preventDefault();
      runLatest(command);
    };
    // Capture: Cornerstone's own key handling on the image prevents the default of letter keys.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
