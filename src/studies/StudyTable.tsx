import type { KeyboardEvent } from 'react';
import { formatDate, formatDateAndTime, formatPersonName, type StudySummary } from '../dicom';

interface StudyTableProps {
  studies: StudySummary[];
  /** True while a newer search is on its way; the rows shown are the previous answer. */
  stale: boolean;
  onOpen: (study: StudySummary) => void;
  /** The user is about to open a study (pointer over a row, or focus): time to fetch the viewer. */
  onIntent?: () => void;
}

const COLUMNS = [
  'Patient name',
  'Patient ID',
  'Birth date',
  'Sex',
  'Study date',
  'Modalities',
  'Description',
  'Accession',
  'Series',
  'Images',
];

const count = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The studies found, one row each; a row opens the study in the viewer on click or Enter. */
export function StudyTable({ studies, stale, onOpen, onIntent }: StudyTableProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, study: StudySummary) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(study);
    }
  };
  return (
    <div className="study-table__scroll">
      <table className={`study-table${stale ? ' study-table--stale' : ''}`} aria-busy={stale}>
        <caption className="visually-hidden">Studies; press Enter on a row to open it in the viewer</caption>
        <thead>
          <tr role="row">
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                role="columnheader"
                className={`study-table__th study-table__th--${column.split(' ')[0]!.toLowerCase()}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {studies.map((study) => {
            const name = formatPersonName(study.patient.name);
            return (
              <tr
                key={study.studyInstanceUid}
                role="row"
                tabIndex={0}
                className="study-table__row"
                data-study-uid={study.studyInstanceUid}
                onClick={() => onOpen(study)}
                onKeyDown={(event) => onKeyDown(event, study)}
                onPointerEnter={onIntent}
                onFocus={onIntent}
              >
                <td className="study-table__name">
                  {name || <span className="muted">Name not recorded</span>}
                </td>
                <td className="mono">{study.patient.id}</td>
                <td className="mono">{formatDate(study.patient.birthDate)}</td>
                <td>{study.patient.sex ?? ''}</td>
                <td className="mono nowrap">{formatDateAndTime(study.studyDate, study.studyTime)}</td>
                <td>
                  {study.modalities.map((modality) => (
                    <span key={modality} className="modality-tag">
                      {modality}
                    </span>
                  ))}
                </td>
                <td className="study-table__description">{study.description ?? ''}</td>
                <td className="mono">{study.accessionNumber ?? ''}</td>
                <td className="number">{count(study.numberOfSeries)}</td>
                <td className="number">{count(study.numberOfInstances)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {COLUMNS.map((column) => (
                <td key={column}>
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
