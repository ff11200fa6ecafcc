import type { DicomJsonAttribute, DicomJsonObject } from './dicomJson';
import { keywordOf, tagOf, UPS_TAGS, type UpsKeyword } from './tags';

/** One search condition: a path of tags (for attributes inside sequences) and the value to match. */
export interface Condition {
  path: string[];
  vr: string;
  value: string;
}

export class QueryError extends Error {}

/**
 * Parses UPS-RS search parameters (PS3.18 §8.3.4): keys by keyword or tag, dotted for sequence items
 * (`ReferencedRequestSequence.AccessionNumber`). Unknown keys are refused rather than ignored, so a
 * typo never widens a search silently.
 */
export function parseConditions(params: Record<string, string | string[] | undefined>): Condition[] {
  const conditions: Condition[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (['limit', 'offset', 'includefield', 'fuzzymatching'].includes(key) || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join('\\') : raw;
    const keywords = key.split('.').map((part) => {
      const keyword = keywordOf(part);
      if (!keyword) throw new QueryError(`Unknown or unsupported search key "${part}" in "${key}"`);
      return keyword;
    });
    const last = keywords[keywords.length - 1] as UpsKeyword;
    conditions.push({ path: keywords.map(tagOf), vr: UPS_TAGS[last][1], value });
  }
  return conditions;
}

/** Case and accents are ignored when names are compared: "muller" finds "Müller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'su');
}

/** DA/DT/TM range matching: "a-b", "a-", "-b" or a single value; a date matches a whole day. */
export function inRange(value: string, query: string): boolean {
  const [from, to] = query.includes('-') ? (query.split('-', 2) as [string, string]) : [query, query];
  const lower = from ? value >= from : true;
  const upper = to ? value.slice(0, to.length) <= to : true;
  return lower && upper;
}

function valuesAt(object: DicomJsonObject, path: string[]): unknown[] {
  const [head, ...rest] = path;
  const attribute: DicomJsonAttribute | undefined = head ? object[head] : undefined;
  if (!attribute) return [];
  if (rest.length === 0) return attribute.Value ?? [];
  return (attribute.Value ?? []).flatMap((item) => valuesAt(item as DicomJsonObject, rest));
}

function matchesOne(candidate: unknown, condition: Condition): boolean {
  const { vr, value } = condition;
  if (vr === 'PN') {
    const name = candidate as Record<string, string>;
    const pattern = wildcard(fold(value));
    return Object.values(name).some(
      (group) => pattern.test(fold(group)) || pattern.test(fold(group.replace(/\^/g, ' '))),
    );
  }
  const text = String(candidate);
  if (vr === 'DA' || vr === 'DT' || vr === 'TM') return inRange(text, value);
  if (vr === 'UI') return value.split('\\').includes(text);
  return value.split('\\').some((v) => wildcard(v).test(text));
}

/** Whether a workitem matches every condition (an empty value matches anything: universal matching). */
export function matches(workitem: DicomJsonObject, conditions: Condition[]): boolean {
  return conditions.every((condition) => {
    if (condition.value === '' || condition.value === '*') return true;
    return valuesAt(workitem, condition.path).some((candidate) => matchesOne(candidate, condition));
  });
}

/** The date range to ask the worklist for, from a Scheduled Procedure Step Start DateTime condition. */
export function dateRangeOf(conditions: Condition[]): string | undefined {
  const start = conditions.find(
    (c) => c.path.length === 1 && c.path[0] === tagOf('ScheduledProcedureStepStartDateTime'),
  );
  if (!start || start.value === '') return undefined;
  const [from = '', to = ''] = start.value.includes('-')
    ? start.value.split('-', 2)
    : [start.value, start.value];
  const day = (v: string) => v.slice(0, 8);
  return from === to ? day(from) : `${day(from)}-${day(to)}`;
}
