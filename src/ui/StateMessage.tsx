import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

export interface StateMessageProps {
  kind: 'loading' | 'empty' | 'error' | 'info';
  title: string;
  children?: ReactNode;
  /** Buttons or links offered to the user. */
  actions?: ReactNode;
  className?: string;
}

/** The loading, empty and error states every screen has, in one look. */
export function StateMessage({ kind, title, children, actions, className }: StateMessageProps) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div className={`state-message state-message--${kind} ${className ?? ''}`} role={role}>
      {kind === 'loading' && <Spinner />}
      <p className="state-message__title">{title}</p>
      {children && <div className="state-message__body">{children}</div>}
      {actions && <div className="state-message__actions">{actions}</div>}
    </div>
  );
}
