/** What a key does to the stack: move by some images, or go to one. */
export type StackKeyAction = { scrollBy: number } | { jumpTo: number };

/** Page Up / Page Down move a tenth of the series (at least one image). */
const PAGE_FRACTION = 0.1;

/**
 * The stack-navigation keys: arrows move one image (down and right forward), Page Up/Down a tenth of
 * the series, Home/End to the ends. Undefined for any other key.
 */
export function stackKeyAction(key: string, imageCount: number): StackKeyAction | undefined {
  if (imageCount <= 0) return undefined;
  const page = Math.max(1, Math.round(imageCount * PAGE_FRACTION));
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return { scrollBy: 1 };
    case 'ArrowUp':
    case 'ArrowLeft':
      return { scrollBy: -1 };
    case 'PageDown':
      return { scrollBy: page };
    case 'PageUp':
      return { scrollBy: -page };
    case 'Home':
      return { jumpTo: 0 };
    case 'End':
      return { jumpTo: imageCount - 1 };
    default:
      return undefined;
  }
}

/** Fields that take typed keys; a slider, a check box or a radio button does not. */
const TEXT_ENTRY =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Keys typed into a field belong to the field. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest(TEXT_ENTRY) !== null;
}
