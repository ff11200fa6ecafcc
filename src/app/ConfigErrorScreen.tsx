import type { ConfigProblem } from './config';

/** Shown instead of the app when config.json is missing or invalid: each line names the bad key. */
export function ConfigErrorScreen({ problem }: { problem: ConfigProblem }) {
  return (
    <main className="config-error" role="alert">
      <h1 className="config-error__title">Fovea cannot start</h1>
      <p>{problem.title}:</p>
      <ul className="config-error__problems">
        {problem.problems.map((line) => (
          <li key={line}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
      <p className="muted">
        An administrator can correct <code>config.json</code> on the server; reload this page afterwards.
      </p>
    </main>
  );
}
