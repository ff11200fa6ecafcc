import { LAYOUTS, type LayoutId } from './layout';
import { ACTIONS, TOOLS, type ToolId, type ViewportAction } from './tools';
import type { ToolbarDisplay } from './useViewportStore';
import type { WindowPreset } from './windowPresets';

interface ViewerToolbarProps {
  tool: ToolId;
  onTool: (tool: ToolId) => void;
  /** What the active viewport shows; undefined while it has no images. */
  active: ToolbarDisplay | undefined;
  onAction: (action: ViewportAction) => void;
  onPreset: (preset: WindowPreset) => void;
  onCineRate: (framesPerSecond: number) => void;
  layout: LayoutId;
  onLayout: (layout: LayoutId) => void;
  onHelp: () => void;
}

const TOGGLES: Partial<Record<ViewportAction, (display: ToolbarDisplay) => boolean>> = {
  invert: (display) => display.inverted,
  cine: (display) => display.cinePlaying,
};

function presetText(preset: WindowPreset): string {
  return `${preset.label} (W ${preset.width} L ${preset.center})`;
}

/**
 * The viewer's toolbar: the mouse tool, the window presets, what to do to the active viewport, cine,
 * the layout and the shortcut list. Every button says its key in its tooltip and in the help dialog.
 */
export function ViewerToolbar({
  tool,
  onTool,
  active,
  onAction,
  onPreset,
  onCineRate,
  layout,
  onLayout,
  onHelp,
}: ViewerToolbarProps) {
  const hasImages = active !== undefined && active.imageCount > 0;
  const presets = active?.presets ?? [];
  const stored = presets.filter((p) => p.source === 'file');
  const standard = presets.filter((p) => p.source === 'standard');
  const imageActions = ACTIONS.filter((action) => action.id !== 'cine');
  const cine = ACTIONS.find((action) => action.id === 'cine')!;
  const canPlay = hasImages && active.imageCount > 1;

  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Image tools">
      <div className="viewer-toolbar__group" role="group" aria-label="Mouse tool">
        {TOOLS.map((item) => (
          <button
            key={item.id}
            type="button"
            className="tool-button"
            aria-pressed={tool === item.id}
            title={`${item.description} (${item.key})`}
            aria-keyshortcuts={item.key}
            data-tool={item.id}
            onClick={() => onTool(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>

      <div className="viewer-toolbar__group">
        <select
          className="tool-select"
          aria-label="Window preset"
          title="Window presets (keys 1–9)"
          value=""
          disabled={!hasImages || presets.length === 0}
          onChange={(event) => {
            const preset = presets[Number(event.currentTarget.value)];
            if (preset) onPreset(preset);
            // Back to the image: the viewer's keys do not work while a menu has the focus.
            event.currentTarget.blur();
          }}
        >
          <option value="" disabled>
            {presets.length ? 'Window presets' : 'No window presets'}
          </option>
          {stored.length > 0 && (
            <optgroup label="Stored in the image">
              {stored.map((preset) => (
                <option key={`file-${preset.label}`} value={presets.indexOf(preset)}>
                  {presets.indexOf(preset) + 1}. {presetText(preset)}
                </option>
              ))}
            </optgroup>
          )}
          {standard.length > 0 && (
            <optgroup label="CT">
              {standard.map((preset) => (
                <option key={`standard-${preset.label}`} value={presets.indexOf(preset)}>
                  {presets.indexOf(preset) + 1}. {presetText(preset)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>

      <div className="viewer-toolbar__group" role="group" aria-label="Image">
        {imageActions.map((item) => {
          const pressed = TOGGLES[item.id];
          return (
            <button
              key={item.id}
              type="button"
              className="tool-button"
              aria-pressed={pressed && active ? pressed(active) : undefined}
              title={`${item.description} (${item.key})`}
              aria-keyshortcuts={item.key === 'Space' ? 'Space' : item.key}
              data-action={item.id}
              disabled={!hasImages}
              onClick={() => onAction(item.id)}
            >
              {item.label}
            </button>
          );
        })}
      </div>

      <div className="viewer-toolbar__group" role="group" aria-label="Cine">
        <button
          type="button"
          className="tool-button"
          aria-pressed={active?.cinePlaying ?? false}
          title={`${cine.description} (${cine.key})`}
          aria-keyshortcuts={cine.key}
          data-action="cine"
          disabled={!canPlay}
          onClick={() => onAction('cine')}
        >
          {active?.cinePlaying ? 'Stop' : 'Play'}
        </button>
        <label className="tool-rate">
          <input
            type="number"
            min={1}
            max={60}
            step={1}
            value={active?.cineRate ?? ''}
            disabled={!canPlay}
            aria-label="Cine speed, frames per second"
            onChange={(event) => {
              const value = Math.round(Number(event.currentTarget.value));
              if (value >= 1 && value <= 60) onCineRate(value);
            }}
          />
          <span aria-hidden="true">fps</span>
        </label>
      </div>

      <div className="viewer-toolbar__group viewer-toolbar__group--end" role="group" aria-label="Layout">
        {LAYOUTS.map((item) => (
          <button
            key={item.id}
            type="button"
            className="tool-button"
            aria-pressed={layout === item.id}
            aria-label={`Layout ${item.label}`}
            data-layout={item.id}
            onClick={() => onLayout(item.id)}
          >
            {item.label}
          </button>
        ))}
        <button
          type="button"
          className="tool-button"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          onClick={onHelp}
        >
          ?
        </button>
      </div>
    </div>
  );
}
