import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function CrashResult({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="500"
      title={t('status.crashTitle')}
      subTitle={t('status.crash')}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="error-retry">
          {t('common.retry')}
        </Button>
      }
    />
  );
}

interface Props {
  children: ReactNode;
  /** A change of this value (e.g. the path) clears a shown error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** A friendly page instead of a blank screen when a component throws. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI error', error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    if (this.state.error) return <CrashResult onRetry={this.retry} />;
    return this.props.children;
  }
}
