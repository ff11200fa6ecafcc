import { describe, expect, it } from 'vitest';
import { ACTIONS, TOOLS, shortcutCommand } from './tools';

describe('shortcutCommand', () => {
  it('selects each tool by its key, in either case', () => {
    for (const tool of TOOLS) {
      expect(shortcutCommand(tool.key)).toEqual({ tool: tool.id });
      expect(shortcutCommand(tool.key.toLowerCase())).toEqual({ tool: tool.id });
    }
  });

  it('runs each action by its key', () => {
    for (const action of ACTIONS) {
      const key =
        action.key === 'Space' ? ' ' : action.key.length === 1 ? action.key.toLowerCase() : action.key;
      expect(shortcutCommand(key)).toEqual({ action: action.id });
    }
    expect(shortcutCommand('Backspace')).toEqual({ action: 'clearMeasurements' });
  });

  it('chooses window presets with the digits 1 to 9', () => {
    expect(shortcutCommand('1')).toEqual({ preset: 0 });
    expect(shortcutCommand('9')).toEqual({ preset: 8 });
    expect(shortcutCommand('0')).toBeUndefined();
  });

  it('opens the help with "?" and ignores keys it does not use', () => {
    expect(shortcutCommand('?')).toEqual({ help: true });
    expect(shortcutCommand('q')).toBeUndefined();
    expect(shortcutCommand('ArrowDown')).toBeUndefined();
  });

  it('gives every key one meaning', () => {
    const keys = [...TOOLS.map((t) => t.key), ...ACTIONS.map((a) => a.key)];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
