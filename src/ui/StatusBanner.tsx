import type { ReactNode } from 'react';
import { ErrorDetail } from './ErrorDetail';

/**
 * A warning strip above a list that stays on screen: something is away and being retried, what is
 * shown may be older. The message is the alert; the detail is folded away for administrators.
 */
export function StatusBanner({
  message,
  children,
  detail,
}: {
  message: string;
  children?: ReactNode;
  detail: string | undefined;
}) {
  return (
    <div className="pacs-banner">
      <p className="pacs-banner__text" role="alert">
        {message}
      </p>
      {children && <p className="pacs-banner__note">{children}</p>}
      <ErrorDetail detail={detail} />
    </div>
  );
}
