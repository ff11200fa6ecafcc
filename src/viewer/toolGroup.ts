import {
  AngleTool,
  EllipticalROITool,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  ProbeTool,
  RectangleROITool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  addTool,
  annotation,
  init as initTools,
  state as toolsState,
  store as toolsStore,
  utilities as toolUtilities,
} from '@cornerstonejs/tools';
import type { ToolId } from './tools';

// Cornerstone's tools and everything they bring (about a fifth of the image code) load in this chunk
// after the first image is drawn (lazyTools.ts), so that they do not delay it.

const STACK_TOOL_GROUP_ID = 'fovea-stack';

/** Cornerstone's tool for each toolbar tool. */
const CORNERSTONE_TOOLS: Record<ToolId, { toolName: string }> = {
  windowLevel: WindowLevelTool,
  pan: PanTool,
  zoom: ZoomTool,
  stackScroll: StackScrollTool,
  length: LengthTool,
  angle: AngleTool,
  ellipse: EllipticalROITool,
  rectangle: RectangleROITool,
  probe: ProbeTool,
};

const { MouseBindings } = ToolEnums;
const { cine } = toolUtilities;
let primary: ToolId | undefined;

/**
 * Starts Cornerstone's tools and the one tool group for every viewport, as OHIF does: `firstPrimary` on
 * the left button, pan on the middle button, zoom on the right, whatever the chosen tool (the wheel is
 * the viewport's own, stackController.ts). Measurements stay editable (passive) when another tool is
 * chosen.
 */
export function startTools(firstPrimary: ToolId): void {
  if (primary) return;
  initTools();
  for (const tool of [
    WindowLevelTool,
    PanTool,
    ZoomTool,
    StackScrollTool,
    LengthTool,
    AngleTool,
    EllipticalROITool,
    RectangleROITool,
    ProbeTool,
  ])
    addTool(tool);
  const group = ToolGroupManager.createToolGroup(STACK_TOOL_GROUP_ID);
  if (!group) throw new Error('The stack tool group could not be created');
  for (const tool of Object.values(CORNERSTONE_TOOLS)) group.addTool(tool.toolName);
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  for (const id of ['length', 'angle', 'ellipse', 'rectangle', 'probe'] as const)
    group.setToolPassive(CORNERSTONE_TOOLS[id].toolName);
  group.setToolActive(CORNERSTONE_TOOLS[firstPrimary].toolName, {
    bindings: [{ mouseButton: MouseBindings.Primary }],
  });
  primary = firstPrimary;
}

function stackToolGroup() {
  const group = ToolGroupManager.getToolGroup(STACK_TOOL_GROUP_ID);
  if (!group) throw new Error('The viewer tools have not been started');
  return group;
}

/**
 * Gives a viewport the tools. Its element was enabled before the tools started (the first image does
 * not wait for them), when they were not yet listening: they get that element now, once.
 */
export function attachViewport(viewportId: string, element: HTMLDivElement, renderingEngineId: string): void {
  if (!toolsState.enabledElements.includes(element))
    toolsStore.addEnabledElement({
      detail: { element, viewportId, renderingEngineId },
    } as Parameters<typeof toolsStore.addEnabledElement>[0]);
  stackToolGroup().addViewport(viewportId, renderingEngineId);
}

export function detachViewport(viewportId: string, renderingEngineId: string): void {
  stackToolGroup().removeViewports(renderingEngineId, viewportId);
}

/** Gives the left mouse button to `tool`; the previous tool keeps its other buttons. */
export function setPrimaryTool(tool: ToolId): void {
  if (!primary || tool === primary) return;
  const group = stackToolGroup();
  // Passive takes the left button away and keeps the middle and right bindings.
  group.setToolPassive(CORNERSTONE_TOOLS[primary].toolName);
  group.setToolActive(CORNERSTONE_TOOLS[tool].toolName, {
    bindings: [{ mouseButton: MouseBindings.Primary }],
  });
  primary = tool;
}

/** Deletes the measurements drawn on these images; other images keep theirs. */
export function clearMeasurements(imageIds: ReadonlySet<string>): void {
  for (const drawn of annotation.state.getAllAnnotations()) {
    const imageId = drawn.metadata?.referencedImageId;
    if (drawn.annotationUID && imageId && imageIds.has(imageId))
      annotation.state.removeAnnotation(drawn.annotationUID);
  }
}

export function playCine(element: HTMLDivElement, framesPerSecond: number): void {
  cine.playClip(element, { framesPerSecond, loop: true });
}

export function stopCine(element: HTMLDivElement): void {
  cine.stopClip(element);
}
