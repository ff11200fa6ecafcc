import type { ToolId } from './tools';

/** What the loader needs of the tools module (toolGroup.ts). */
export interface ToolsModule {
  startTools(primary: ToolId): void;
  setPrimaryTool(tool: ToolId): void;
}

export interface ToolsLoader<T extends ToolsModule> {
  /** Loads and starts the tools once; a failed load is tried again at the next call. */
  load(): Promise<T>;
  /** The started tools, or undefined while they have not loaded. */
  loaded(): T | undefined;
  /** The tool the left button should have; applied now, or when the tools start. */
  choosePrimary(tool: ToolId): void;
}

/**
 * Loads the mouse tools apart from the image code: the first image needs none of them, and their code
 * (Cornerstone's tools, about a fifth of the image code) would otherwise be evaluated before it.
 */
export function createToolsLoader<T extends ToolsModule>(importTools: () => Promise<T>): ToolsLoader<T> {
  let primary: ToolId = 'windowLevel';
  let started: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importTools().then(
        (tools) => {
          tools.startTools(primary);
          started = tools;
          return tools;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => started,
    choosePrimary(tool) {
      primary = tool;
      started?.setPrimaryTool(tool);
    },
  };
}

export type StackTools = typeof import('./toolGroup');

/** The viewer's tools: loaded once the first image is on screen (stackController.ts). */
export const stackTools: ToolsLoader<StackTools> = createToolsLoader(() => import('./toolGroup'));
