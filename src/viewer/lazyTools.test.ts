import { describe, expect, it, vi } from 'vitest';
import { createToolsLoader, type ToolsModule } from './lazyTools';

function fakeTools(): ToolsModule & { primary?: string; starts: number } {
  const tools = {
    starts: 0,
    primary: undefined as string | undefined,
    startTools(primary: string) {
      tools.starts += 1;
      tools.primary = primary;
    },
    setPrimaryTool(tool: string) {
      tools.primary = tool;
    },
  };
  return tools as ToolsModule & { primary?: string; starts: number };
}

describe('createToolsLoader', () => {
  it('imports and starts the tools once however often it is asked', async () => {
    const tools = fakeTools();
    const importTools = vi.fn(() => Promise.resolve(tools));
    const loader = createToolsLoader(importTools);
    expect(loader.loaded()).toBeUndefined();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    await loader.load();
    expect(a).toBe(tools);
    expect(b).toBe(tools);
    expect(importTools).toHaveBeenCalledTimes(1);
    expect(tools.starts).toBe(1);
    expect(loader.loaded()).toBe(tools);
  });

  it('starts with the tool chosen before the tools arrived', async () => {
    const tools = fakeTools();
    const loader = createToolsLoader(() => Promise.resolve(tools));
    loader.choosePrimary('length');
    await loader.load();
    expect(tools.primary).toBe('length');
  });

  it('gives the left button to a tool chosen after the tools started', async () => {
    const tools = fakeTools();
    const loader = createToolsLoader(() => Promise.resolve(tools));
    await loader.load();
    loader.choosePrimary('probe');
    expect(tools.primary).toBe('probe');
  });

  it('tries the import again after it failed', async () => {
    const tools = fakeTools();
    const importTools = vi
      .fn<() => Promise<typeof tools>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValueOnce(tools);
    const loader = createToolsLoader(importTools);
    await expect(loader.load()).rejects.toThrow('network');
    expect(loader.loaded()).toBeUndefined();
    await expect(loader.load()).resolves.toBe(tools);
    expect(importTools).toHaveBeenCalledTimes(2);
  });
});
