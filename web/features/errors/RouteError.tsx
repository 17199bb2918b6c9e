import { useRouteError } from 'react-router';
import { CrashResult } from '../../ui/ErrorBoundary';

/** The router's last line: a render error or a page chunk that failed to load. Retry reloads the page. */
export function RouteError() {
  const error = useRouteError();
  console.error('route error', error);
  return <CrashResult onRetry={() => window.location.reload()} />;
}
