import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * A small React wrapper around ECharts, loaded lazily (the library stays out of the main bundle). Clicks on a
 * data point call `onPoint` with the point's category index and series index.
 */
type ECharts = { setOption(o: unknown, notMerge?: boolean): void; resize(): void; dispose(): void; on: OnFn };
type OnFn = (event: 'click', handler: (p: { dataIndex: number; seriesIndex: number; data: unknown }) => void) => void;

export interface EChartProps {
  option: Record<string, unknown>;
  height?: number;
  onPoint?: (p: { dataIndex: number; seriesIndex: number; data: unknown }) => void;
  testId?: string;
}

export function EChart({ option, height = 280, onPoint, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const handler = useRef(onPoint);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    handler.current = onPoint;
  });

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current) as unknown as ECharts;
      c.on('click', (p) => handler.current?.(p));
      chart.current = c;
      // The e2e test reads point positions from the instance to click a real point on the canvas.
      (ref.current as HTMLDivElement & { __chart?: unknown }).__chart = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption({ animation: false, ...option }, true);
  }, [ready, option]);

  return (
    <div style={{ position: 'relative' }} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      {!ready && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto' }} />}
      <div ref={ref} data-chart style={{ width: '100%', height }} />
    </div>
  );
}
