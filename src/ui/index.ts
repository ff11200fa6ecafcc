export { Dialog } from './Dialog';
export { ErrorDetail } from './ErrorDetail';
export { PacsUnreachableBanner } from './PacsUnreachableBanner';
export { PatientBanner } from './PatientBanner';
export { Spinner } from './Spinner';
export { StateMessage, type StateMessageProps } from './StateMessage';
export { usePacsQuery, type PacsQuery } from './usePacsQuery';
