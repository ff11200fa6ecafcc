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
} from '@cornerstonejs/tools';
import type { ToolId } from './tools';

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
let primary: ToolId = 'windowLevel';

/**
 * One tool group for every viewport, as OHIF does: the chosen tool on the left button, pan on the
 * middle button, zoom on the right, scroll on the wheel, whatever the chosen tool. Measurements stay
 * editable (passive) when another tool is chosen.
 */
export function createStackToolGroup(): void {
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
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  for (const id of ['length', 'angle', 'ellipse', 'rectangle', 'probe'] as const)
    group.setToolPassive(CORNERSTONE_TOOLS[id].toolName);
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  primary = 'windowLevel';
}

export function stackToolGroup() {
  const group = ToolGroupManager.getToolGroup(STACK_TOOL_GROUP_ID);
  if (!group) throw new Error('The viewer engine has not been started');
  return group;
}

/** Gives the left mouse button to `tool`; the previous tool keeps its other buttons. */
export function setPrimaryTool(tool: ToolId): void {
  if (tool === primary) return;
  const group = stackToolGroup();
  // Passive takes the left button away and keeps the middle/right/wheel bindings.
  group.setToolPassive(CORNERSTONE_TOOLS[primary].toolName);
  group.setToolActive(CORNERSTONE_TOOLS[tool].toolName, {
    bindings: [{ mouseButton: MouseBindings.Primary }],
  });
  primary = tool;
}
