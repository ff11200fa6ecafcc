import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorDetail, StateMessage } from '../ui';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What failed, in the user's words: "This page", "The viewer". */
  what?: string;
}

interface ErrorBoundaryState {
  error: Error | undefined;
}

/** Turns a crash in a page into a readable message with a way out, instead of a blank screen. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what ?? 'A page'} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      error.message,
    );
    return (
      <div className="page page--centered">
        <StateMessage
          kind="error"
          title={
            chunkFailed
              ? `${this.props.what ?? 'This page'} could not be loaded — the connection to the server may have dropped, or Fovea was updated.`
              : `${this.props.what ?? 'This page'} stopped because of an unexpected error.`
          }
          actions={
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => window.location.reload()}
              >
                Reload
              </button>
              <a className="button" href="/">
                Go to the start page
              </a>
            </>
          }
        >
          <ErrorDetail detail={`${error.name}: ${error.message}`} />
        </StateMessage>
      </div>
    );
  }
}
