/** The technical side of an error, folded away for whoever looks after the PACS. */
export function ErrorDetail({ detail }: { detail: string | undefined }) {
  if (!detail) return null;
  return (
    <details className="error-detail">
      <summary>Technical detail</summary>
      <code>{detail}</code>
    </details>
  );
}
