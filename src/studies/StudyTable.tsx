import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { formatDate, formatDateAndTime, formatPersonName, type StudySummary } from '../dicom';
import type { StudySort, StudySortKey } from './studySort';

interface StudyTableProps {
  studies: StudySummary[];
  /** True while a newer search is on its way; the rows shown are the previous answer. */
  stale: boolean;
  sort: StudySort;
  onSort: (key: StudySortKey) => void;
  onOpen: (study: StudySummary) => void;
  /** The user is about to open a study (pointer over a row, or focus): time to fetch the viewer. */
  onIntent?: () => void;
  /** Below the last row: e.g. the button that loads the next page. */
  footer?: ReactNode;
}

interface Column {
  key: StudySortKey;
  label: string;
  className?: string;
  cell: (study: StudySummary) => ReactNode;
}

const count = (n: number | undefined) => (n === undefined ? '' : String(n));

const COLUMNS: readonly Column[] = [
  {
    key: 'name',
    label: 'Patient name',
    className: 'study-table__name',
    cell: (study) => formatPersonName(study.patient.name) || <span className="muted">Name not recorded</span>,
  },
  { key: 'id', label: 'Patient ID', className: 'mono', cell: (study) => study.patient.id },
  {
    key: 'birthDate',
    label: 'Birth date',
    className: 'mono',
    cell: (study) => formatDate(study.patient.birthDate),
  },
  { key: 'sex', label: 'Sex', cell: (study) => study.patient.sex ?? '' },
  {
    key: 'date',
    label: 'Study date',
    className: 'mono nowrap',
    cell: (study) => formatDateAndTime(study.studyDate, study.studyTime),
  },
  {
    key: 'modalities',
    label: 'Modalities',
    cell: (study) =>
      study.modalities.map((modality) => (
        <span key={modality} className="modality-tag">
          {modality}
        </span>
      )),
  },
  {
    key: 'description',
    label: 'Description',
    className: 'study-table__description',
    cell: (study) => study.description ?? '',
  },
  { key: 'accession', label: 'Accession', className: 'mono', cell: (study) => study.accessionNumber ?? '' },
  { key: 'series', label: 'Series', className: 'number', cell: (study) => count(study.numberOfSeries) },
  { key: 'images', label: 'Images', className: 'number', cell: (study) => count(study.numberOfInstances) },
];

/** Rows drawn beyond the visible ones, so that fast scrolling does not show blank space. */
const OVERSCAN = 12;
const ROW_HEIGHT = 39;

/**
 * The studies found, one row each, sorted by the column whose header was clicked. Only the rows in
 * view are in the DOM, so a long list scrolls as smoothly as a short one. A row opens the study in
 * the viewer on click or Enter; arrow keys move between rows.
 */
export function StudyTable({ studies, stale, sort, onSort, onOpen, onIntent, footer }: StudyTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's getters change on every scroll; the table is cheap to render without memoizing.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: studies.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => studies[index]!.studyInstanceUid,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(studies.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, study: StudySummary, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: studies.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(study);
    } else if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    }
  };

  return (
    <div className="study-table__scroll" ref={scrollRef}>
      <table
        className={`study-table${stale ? ' study-table--stale' : ''}`}
        aria-busy={stale}
        aria-rowcount={studies.length + 1}
      >
        <caption className="visually-hidden">
          Studies; press Enter on a row to open it in the viewer, arrow keys to move between rows
        </caption>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  role="columnheader"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  className={`study-table__th study-table__th--${column.key}`}
                >
                  <button
                    type="button"
                    className="study-table__sort"
                    data-sort-key={column.key}
                    onClick={() => onSort(column.key)}
                    title={`Sort by ${column.label.toLowerCase()}`}
                  >
                    {column.label}
                    <span className="study-table__sort-mark" aria-hidden="true">
                      {active ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="study-table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const study = studies[item.index]!;
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                role="row"
                tabIndex={0}
                aria-rowindex={item.index + 2}
                className="study-table__row"
                data-index={item.index}
                data-row-index={item.index}
                data-study-uid={study.studyInstanceUid}
                onClick={() => onOpen(study)}
                onKeyDown={(event) => onKeyDown(event, study, item.index)}
                onPointerEnter={onIntent}
                onFocus={onIntent}
              >
                {COLUMNS.map((column) => (
                  <td key={column.key} className={column.className}>
                    {column.cell(study)}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="study-table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {footer}
    </div>
  );
}

/** Placeholder rows while the first answer is on its way, so the page does not jump. */
export function StudyTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="study-table__scroll" aria-hidden="true">
      <table className="study-table study-table--skeleton">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {COLUMNS.map((column) => (
                <td key={column.key}>
                  <span className="skeleton-bar" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
