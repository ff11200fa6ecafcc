import type { PacsError } from '../dicomweb';
import { ErrorDetail } from './ErrorDetail';
import { StateMessage } from './StateMessage';

/** A request that failed for good (not "unreachable, retrying"): what went wrong, and Try again. */
export function FailureMessage({ error, onRetry }: { error: PacsError; onRetry: () => void }) {
  return (
    <StateMessage
      kind="error"
      title={error.userMessage}
      actions={
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      }
    >
      <ErrorDetail detail={error.detail} />
    </StateMessage>
  );
}
