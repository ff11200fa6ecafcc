import type { PacsError } from '../dicomweb';
import { StatusBanner } from './StatusBanner';

/**
 * Shown while the PACS does not answer and the page retries by itself. The alert's text is fixed
 * ("PACS unreachable — retrying"): people and tests both look for it.
 */
export function PacsUnreachableBanner({ error }: { error: PacsError }) {
  return <StatusBanner message="PACS unreachable — retrying" detail={error.detail} />;
}
