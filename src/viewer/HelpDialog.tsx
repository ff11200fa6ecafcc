import { Dialog } from '../ui';
import { ACTIONS, TOOLS } from './tools';

const NAVIGATION: ReadonlyArray<[keys: string[], what: string]> = [
  [['↓', '→'], 'Next image'],
  [['↑', '←'], 'Previous image'],
  [['Page Down', 'Page Up'], 'A tenth of the series forward or back'],
  [['Home', 'End'], 'First or last image'],
  [['1', '…', '9'], 'Window presets, in the order of the presets menu'],
  [['?'], 'This list'],
];

const MOUSE: ReadonlyArray<[button: string, what: string]> = [
  ['Left drag', 'The chosen tool'],
  ['Middle drag', 'Pan'],
  ['Right drag', 'Zoom'],
  ['Wheel', 'Next or previous image'],
];

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="help-keys">
      {keys.map((key) => (key === '…' ? <span key={key}>–</span> : <kbd key={key}>{key}</kbd>))}
    </span>
  );
}

/** The viewer's keyboard shortcuts and mouse buttons, opened with "?". */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <div className="help-grid" data-testid="shortcut-help">
        <section>
          <h3 className="help-grid__title">Tools (left mouse button)</h3>
          <dl className="help-list">
            {TOOLS.map((tool) => (
              <div key={tool.id} className="help-list__row">
                <dt>
                  <Keys keys={[tool.key]} />
                </dt>
                <dd>{tool.description}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h3 className="help-grid__title">Image</h3>
          <dl className="help-list">
            {ACTIONS.map((action) => (
              <div key={action.id} className="help-list__row">
                <dt>
                  <Keys keys={[action.key]} />
                </dt>
                <dd>{action.description}</dd>
              </div>
            ))}
          </dl>
          <h3 className="help-grid__title">Moving through the series</h3>
          <dl className="help-list">
            {NAVIGATION.map(([keys, what]) => (
              <div key={what} className="help-list__row">
                <dt>
                  <Keys keys={keys} />
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <h3 className="help-grid__title">Mouse</h3>
          <dl className="help-list">
            {MOUSE.map(([button, what]) => (
              <div key={button} className="help-list__row">
                <dt>{button}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <p className="help-note">
        The keys act on the active viewport (outlined). Lengths and areas are in millimetres where the image
        gives its pixel spacing, region statistics in the image&rsquo;s units (HU for CT).
      </p>
    </Dialog>
  );
}
