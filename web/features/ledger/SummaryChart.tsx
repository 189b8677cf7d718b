import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
}

/**
 * A stacked horizontal bar per pair (one series per kind). Loaded lazily: ECharts is the largest library
 * of the app and only this tab needs it.
 */
export default function SummaryChart({
  categories,
  series,
}: {
  categories: string[];
  series: ChartSeries[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(240, categories.length * 28 + 80);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        data: s.values,
        barMaxWidth: 18,
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="summary-chart" />;
}
