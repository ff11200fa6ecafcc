import type { PacsError } from '../dicomweb';
import { ErrorDetail } from './ErrorDetail';

/**
 * Shown while the PACS does not answer and the page retries by itself. The alert's text is fixed
 * ("PACS unreachable — retrying"): people and tests both look for it.
 */
export function PacsUnreachableBanner({ error }: { error: PacsError }) {
  return (
    <div className="pacs-banner">
      <p className="pacs-banner__text" role="alert">
        PACS unreachable — retrying
      </p>
      <ErrorDetail detail={error.detail} />
    </div>
  );
}
