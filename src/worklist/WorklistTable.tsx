import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatAgeFromBirthDate, formatPersonName, formatTime, parseDate } from '../dicom';
import { describeResultStatus } from './resultStatus';
import type { WorklistRow } from './worklistFilters';

interface WorklistTableProps {
  rows: WorklistRow[];
  selectedUid: string | undefined;
  onSelect: (row: WorklistRow) => void;
  onOpen: (row: WorklistRow) => void;
  /** True while the rows shown are an older answer (the worklist is away). */
  stale: boolean;
}

const COLUMNS = [
  'Time',
  'Patient',
  'Patient ID',
  'Age / sex',
  'Procedure',
  'Modality',
  'Station',
  'Accession',
  'Result',
];
const ROW_HEIGHT = 44;

/** The age on the day of the procedure, as the technician will meet the patient. */
function ageAndSex(row: WorklistRow): string {
  const { birthDate, sex } = row.procedure.patient;
  const day = parseDate(row.procedure.scheduledStart?.slice(0, 8));
  const on = day ? new Date(day.year, day.month - 1, day.day) : new Date();
  return [formatAgeFromBirthDate(birthDate, on), sex ?? ''].filter(Boolean).join(' / ');
}

/**
 * The day's procedures as a grid: only the rows in view are in the page (thousands stay smooth), the
 * arrow keys move the selection, Enter opens it.
 */
export function WorklistTable({ rows, selectedUid, onSelect, onOpen, stale }: WorklistTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself as the list scrolls; nothing here is memoised
  // by a compiler that could hold on to its functions.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = rows.findIndex((row) => row.procedure.workitemUid === selectedUid);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -rows.length,
      End: rows.length,
    };
    const move = moves[event.key];
    if (move !== undefined && rows.length > 0) {
      event.preventDefault();
      const from = selectedIndex < 0 ? (move > 0 ? -1 : rows.length) : selectedIndex;
      onSelect(rows[Math.min(rows.length - 1, Math.max(0, from + move))]!);
    } else if (event.key === 'Enter' && selectedIndex >= 0) {
      event.preventDefault();
      onOpen(rows[selectedIndex]!);
    }
  };

  return (
    <div
      className={`worklist-grid${stale ? ' worklist-grid--stale' : ''}`}
      role="grid"
      aria-label="Scheduled procedures; arrow keys move, Enter opens"
      aria-rowcount={rows.length + 1}
      aria-busy={stale}
      aria-activedescendant={selectedIndex >= 0 ? `worklist-row-${selectedIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="worklist"
    >
      <div className="worklist-grid__row worklist-grid__head" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => (
          <div key={column} role="columnheader" className="worklist-grid__cell">
            {column}
          </div>
        ))}
      </div>
      <div className="worklist-grid__scroll" ref={scroller} data-testid="worklist-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const { procedure, status } = row;
            const name = formatPersonName(procedure.patient.name);
            const selected = item.index === selectedIndex;
            return (
              <div
                key={procedure.workitemUid}
                id={`worklist-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`worklist-grid__row worklist-grid__body-row${selected ? ' worklist-grid__body-row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-workitem-uid={procedure.workitemUid}
                data-accession={procedure.accessionNumber ?? ''}
                data-status={status.kind}
                onClick={() => {
                  onSelect(row);
                  onOpen(row);
                }}
              >
                <div role="gridcell" className="worklist-grid__cell mono">
                  {formatTime(procedure.scheduledStart?.slice(8))}
                </div>
                <div role="gridcell" className="worklist-grid__cell worklist-grid__name" title={name}>
                  {name || <span className="muted">Name not recorded</span>}
                </div>
                <div role="gridcell" className="worklist-grid__cell mono">
                  {procedure.patient.id}
                </div>
                <div role="gridcell" className="worklist-grid__cell nowrap">
                  {ageAndSex(row)}
                </div>
                <div
                  role="gridcell"
                  className="worklist-grid__cell worklist-grid__procedure"
                  title={procedure.procedure}
                >
                  {procedure.procedure ?? ''}
                </div>
                <div role="gridcell" className="worklist-grid__cell">
                  {procedure.modality && <span className="modality-tag">{procedure.modality}</span>}
                </div>
                <div role="gridcell" className="worklist-grid__cell nowrap">
                  {procedure.station ?? ''}
                </div>
                <div role="gridcell" className="worklist-grid__cell mono">
                  {procedure.accessionNumber ?? ''}
                </div>
                <div role="gridcell" className="worklist-grid__cell">
                  <span
                    className={`result-status result-status--${status.kind}`}
                    title={
                      status.kind === 'needs-match'
                        ? `The stored study's ${status.disagreements.join(', ')} disagree with this order`
                        : undefined
                    }
                  >
                    {describeResultStatus(status)}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
