/** The mouse tools of the toolbar; one at a time owns the left button. */
export type ToolId =
  'windowLevel' | 'pan' | 'zoom' | 'stackScroll' | 'length' | 'angle' | 'ellipse' | 'rectangle' | 'probe';

export interface ToolDefinition {
  id: ToolId;
  /** The toolbar label */
  label: string;
  /** What the tool does, for the tooltip and the help dialog */
  description: string;
  /** The key that selects it (case-insensitive) */
  key: string;
  /** Draws a measurement on the image (kept with the image, editable later). */
  measures: boolean;
}

export const TOOLS: readonly ToolDefinition[] = [
  {
    id: 'windowLevel',
    label: 'W/L',
    description: 'Window/level: drag sideways for width, up and down for level',
    key: 'W',
    measures: false,
  },
  { id: 'pan', label: 'Pan', description: 'Pan: drag to move the image', key: 'P', measures: false },
  { id: 'zoom', label: 'Zoom', description: 'Zoom: drag up or down', key: 'Z', measures: false },
  {
    id: 'stackScroll',
    label: 'Scroll',
    description: 'Scroll: drag up or down to move through the images',
    key: 'S',
    measures: false,
  },
  {
    id: 'length',
    label: 'Length',
    description: 'Length: drag from one point to another',
    key: 'L',
    measures: true,
  },
  {
    id: 'angle',
    label: 'Angle',
    description: 'Angle: click three points, the vertex second',
    key: 'A',
    measures: true,
  },
  {
    id: 'ellipse',
    label: 'Ellipse',
    description: 'Elliptical region: mean, standard deviation and area',
    key: 'E',
    measures: true,
  },
  {
    id: 'rectangle',
    label: 'Rectangle',
    description: 'Rectangular region: mean, standard deviation and area',
    key: 'G',
    measures: true,
  },
  { id: 'probe', label: 'Probe', description: 'Probe: the value of one pixel', key: 'X', measures: true },
];

/** What the toolbar's buttons do to the active viewport (as opposed to choosing a mouse tool). */
export type ViewportAction =
  'invert' | 'rotate' | 'flipHorizontal' | 'flipVertical' | 'reset' | 'clearMeasurements' | 'cine';

export interface ActionDefinition {
  id: ViewportAction;
  label: string;
  description: string;
  key: string;
}

export const ACTIONS: readonly ActionDefinition[] = [
  { id: 'invert', label: 'Invert', description: 'Invert the grey scale', key: 'I' },
  { id: 'rotate', label: 'Rotate', description: 'Rotate 90° clockwise', key: 'R' },
  { id: 'flipHorizontal', label: 'Flip H', description: 'Flip left–right', key: 'H' },
  { id: 'flipVertical', label: 'Flip V', description: 'Flip top–bottom', key: 'V' },
  {
    id: 'reset',
    label: 'Reset',
    description: 'Reset window, zoom, pan, rotation, flips and invert',
    key: 'Space',
  },
  {
    id: 'clearMeasurements',
    label: 'Clear',
    description: 'Delete the measurements of the active viewport',
    key: 'Delete',
  },
  { id: 'cine', label: 'Play', description: 'Play or stop cine', key: 'C' },
];

/** What a key press asks of the viewer. */
export type ShortcutCommand =
  { tool: ToolId } | { action: ViewportAction } | { preset: number } | { help: true };

/** The key as written in ToolDefinition/ActionDefinition: letters upper-case, " " as "Space". */
function keyName(key: string): string {
  if (key === ' ') return 'Space';
  return key.length === 1 ? key.toUpperCase() : key;
}

/**
 * The viewer command of a key, without modifiers (Shift only for "?"); undefined for keys the viewer
 * does not use. Digits 1–9 choose the window presets in their menu order.
 */
export function shortcutCommand(key: string): ShortcutCommand | undefined {
  if (key === '?') return { help: true };
  if (/^[1-9]$/.test(key)) return { preset: Number(key) - 1 };
  const name = keyName(key);
  const tool = TOOLS.find((t) => t.key === name);
  if (tool) return { tool: tool.id };
  const action = ACTIONS.find(
    (a) => a.key === name || (a.id === 'clearMeasurements' && name === 'Backspace'),
  );
  if (action) return { action: action.id };
  return undefined;
}
