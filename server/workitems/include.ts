import type { DicomJsonAttribute, DicomJsonObject } from './dicomJson';
import { QueryError, type Condition } from './match';
import { keywordOf, tagOf } from './tags';

/**
 * Which attributes of each workitem a search returns: `all`, or a tree of tags where `true` keeps the
 * whole attribute and a nested selection keeps only those attributes of each sequence item.
 */
export type Selection = 'all' | Map<string, true | Selection>;

/**
 * Returned whatever the includefield asks: the workitem's class, its UID (the only way to address it)
 * and its state, without which a workitem cannot be told apart or shown; the character set says how
 * to read the text that comes with them.
 */
const ALWAYS_RETURNED = [
  tagOf('SpecificCharacterSet'),
  tagOf('SOPClassUID'),
  tagOf('SOPInstanceUID'),
  tagOf('ProcedureStepState'),
];

const TAG = /^[0-9A-Fa-f]{8}$/;

function add(selection: Map<string, true | Selection>, path: string[]): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    selection.set(head, true);
    return;
  }
  const existing = selection.get(head);
  if (existing === true) return;
  const nested = existing instanceof Map ? existing : new Map<string, true | Selection>();
  selection.set(head, nested);
  add(nested, rest);
}

/**
 * The attributes a UPS-RS search asks for (PS3.18 §8.3.4.3): each `includefield` names attributes by
 * keyword or tag, comma-separated or repeated, dotted for attributes inside sequence items
 * (`ReferencedRequestSequence.AccessionNumber`). Without includefield, or with `all`, every attribute
 * is returned, as before includefield was honoured. Matching keys are return keys too (PS3.4 C.2.2.1),
 * so the attributes a search matches on come back as well.
 *
 * A tag Fovea does not write is accepted and simply absent from the answer (the standard returns only
 * the attributes an origin server supports); an unknown keyword is refused, because it is a typo that
 * would otherwise make a column silently empty.
 */
export function parseIncludeFields(
  raw: string | string[] | undefined,
  conditions: readonly Condition[] = [],
): Selection {
  const fields = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((value) => value.split(','))
    .map((field) => field.trim())
    .filter(Boolean);
  if (fields.length === 0 || fields.some((field) => field.toLowerCase() === 'all')) return 'all';
  const selection = new Map<string, true | Selection>();
  for (const field of fields) {
    const path = field.split('.').map((part) => {
      const keyword = keywordOf(part);
      if (keyword) return tagOf(keyword);
      if (TAG.test(part)) return part.toUpperCase();
      throw new QueryError(`Unknown attribute "${part}" in includefield "${field}"`);
    });
    add(selection, path);
  }
  for (const condition of conditions) add(selection, condition.path);
  for (const tag of ALWAYS_RETURNED) add(selection, [tag]);
  return selection;
}

function selectAttribute(attribute: DicomJsonAttribute, nested: true | Selection): DicomJsonAttribute {
  if (nested === true || nested === 'all' || !attribute.Value) return attribute;
  return { vr: attribute.vr, Value: attribute.Value.map((item) => select(item as DicomJsonObject, nested)) };
}

/** The workitem with only the selected attributes (the same object when everything is selected). */
export function select(workitem: DicomJsonObject, selection: Selection): DicomJsonObject {
  if (selection === 'all') return workitem;
  const out: DicomJsonObject = {};
  // In the workitem's own order, not the request's, so that every answer lists them alike.
  for (const tag of Object.keys(workitem)) {
    const nested = selection.get(tag);
    if (nested !== undefined) out[tag] = selectAttribute(workitem[tag]!, nested);
  }
  return out;
}

/** A stable text for a selection, so that the same includefield in any order names the same answer. */
export function selectionKey(selection: Selection): string {
  if (selection === 'all') return 'all';
  return [...selection.keys()]
    .sort()
    .map((tag) => {
      const nested = selection.get(tag)!;
      return nested === true ? tag : `${tag}(${selectionKey(nested)})`;
    })
    .join(',');
}
