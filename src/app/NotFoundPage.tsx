import { Link, useLocation } from 'react-router-dom';
import { StateMessage } from '../ui';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page page--centered">
      <StateMessage
        kind="info"
        title="Page not found"
        actions={
          <Link className="button button--primary" to="/">
            Go to the start page
          </Link>
        }
      >
        <p>
          Fovea has no page at <code>{pathname}</code>.
        </p>
      </StateMessage>
    </div>
  );
}
