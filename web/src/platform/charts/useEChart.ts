import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

const loadECharts = () => import('./echarts');

/** Starts loading ECharts now (a screen with charts calls it on load, so the library downloads while its data does). */
export function preloadCharts(): void {
  void loadECharts();
}

/**
 * Draws an ECharts option into the returned element, loading ECharts on first use. The
 * chart's accessible name is `description` (ECharts' aria module writes it on the element).
 * Pass a memoized option: a new object redraws the chart.
 */
export function useEChart(option: EChartsCoreOption, description: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = (): void => undefined;
    void loadECharts().then(({ echarts }) => {
      const element = ref.current;
      if (disposed || !element) return;
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, aria: { enabled: true, label: { description } }, ...option });
      element.dataset.ready = 'true';
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, description]);
  return ref;
}
