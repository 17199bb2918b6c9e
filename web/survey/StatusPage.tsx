/** A full-page message: thank-you, opted out, or a clear error (expired / already used / invalid). */
export function StatusPage({
  kind,
  title,
  body,
  hint,
  action,
}: {
  kind: 'ok' | 'error';
  title: string;
  body: string;
  hint?: string;
  action?: { label: string; run: () => void };
}) {
  return (
    <main className={`status ${kind}`} data-testid={`m-status-${kind}`}>
      <div className="status-icon" aria-hidden>
        {kind === 'ok' ? '✓' : '!'}
      </div>
      <h1>{title}</h1>
      <p>{body}</p>
      {hint && <p className="hint">{hint}</p>}
      {action && (
        <button type="button" className="secondary" onClick={action.run}>
          {action.label}
        </button>
      )}
    </main>
  );
}
