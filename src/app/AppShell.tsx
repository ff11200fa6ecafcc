import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { MAIN_PAGES } from './mainPages';

/** Header with the app's name and navigation; pages render below it. */
export function AppShell({ name }: { name: string }) {
  const location = useLocation();
  return (
    <div className="app-shell">
      <header className="app-header">
        <NavLink to="/" className="app-header__brand" aria-label={`${name} — start page`}>
          <svg className="app-header__logo" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="12" r="10" />
            <circle cx="12" cy="12" r="4" />
          </svg>
          <span>{name}</span>
        </NavLink>
        <nav className="app-nav" aria-label="Main">
          {MAIN_PAGES.map(({ path, label }) => (
            <NavLink key={path} to={`/${path}`} end={path === ''} className="app-nav__link">
              {label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="app-main">
        {/* Keyed by path so that leaving a crashed page clears the error. */}
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
