/**
 * Charts as inline SVG, drawn by pure code for the briefing: bands over time (P10–P90 shaded, the deterministic
 * run on top) and a tornado. Text is escaped; the output is a string.
 */
import type { SeriesBand } from './stats.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

export interface BandChartSeries {
  name: string;
  color: string;
  band: SeriesBand;
  /** The deterministic run on the band's grid. */
  deterministic: number[];
}

export interface BandChartOptions {
  title: string;
  /** Formats a y value for the axis, e.g. £m. */
  formatY: (value: number) => string;
  /** Year of day 0, for the x axis labels (e.g. 2018.25 for 1 April 2018). */
  startYear: number;
  width?: number;
  height?: number;
  /** Draw the legend (charts sharing series and colours can show it once). Default true. */
  legend?: boolean;
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

export function bandChartSvg(series: BandChartSeries[], options: BandChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 250;
  const margin = { left: 70, right: 12, top: 28, bottom: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const times = series[0]?.band.times ?? [0];
  const t0 = times[0];
  const t1 = times[times.length - 1] > t0 ? times[times.length - 1] : t0 + 1;
  const all = series.flatMap((s) => [...s.band.p10, ...s.band.p90, ...s.deterministic]).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const y0 = ticks[0];
  const y1 = ticks[ticks.length - 1];
  const x = (t: number) => margin.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (v: number) => margin.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
  );
  parts.push(`<text x="${margin.left}" y="16" font-size="13" font-weight="bold">${escapeHtml(options.title)}</text>`);
  for (const tick of ticks) {
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${fmt(y(tick) + 4)}" font-size="10" text-anchor="end">${escapeHtml(options.formatY(tick))}</text>`);
  }
  const firstYear = Math.ceil(options.startYear + t0 / 365.25);
  const lastYear = Math.floor(options.startYear + t1 / 365.25);
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  for (let year = firstYear; year <= lastYear; year += yearStep) {
    const t = (year - options.startYear) * 365.25;
    parts.push(`<line x1="${fmt(x(t))}" x2="${fmt(x(t))}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 4}" stroke="#333"/>`);
    parts.push(`<text x="${fmt(x(t))}" y="${margin.top + plotH + 16}" font-size="10" text-anchor="middle">${year}</text>`);
  }
  parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#333"/>`);
  series.forEach((s) => {
    const upper = s.band.times.map((t, k) => `${fmt(x(t))},${fmt(y(s.band.p90[k]))}`);
    const lower = s.band.times.map((t, k) => `${fmt(x(t))},${fmt(y(s.band.p10[k]))}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color}" fill-opacity="0.18" stroke="none"/>`);
  });
  series.forEach((s) => {
    const line = s.band.times.map((t, k) => `${fmt(x(t))},${fmt(y(s.deterministic[k]))}`).join(' ');
    parts.push(`<polyline points="${line}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
  });
  // Legend below the plot, wrapping onto more rows when the names do not fit on one.
  let legendX = margin.left;
  let legendY = height - 6;
  const legend: string[] = [];
  (options.legend === false ? [] : series).forEach((s) => {
    const itemWidth = 26 + s.name.length * 5.6;
    if (legendX > margin.left && legendX + itemWidth > width - margin.right) {
      legendX = margin.left;
      legendY += 13;
    }
    legend.push(`<rect x="${fmt(legendX)}" y="${legendY - 8}" width="12" height="8" fill="${s.color}" fill-opacity="0.5"/>`);
    legend.push(`<text x="${fmt(legendX + 16)}" y="${legendY}" font-size="10">${escapeHtml(s.name)}</text>`);
    legendX += itemWidth;
  });
  parts.push(...legend);
  const fullHeight = options.legend === false ? height - 14 : legendY + 6;
  parts[0] = parts[0].replace(`viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`, `viewBox="0 0 ${width} ${fullHeight}" width="${width}" height="${fullHeight}"`);
  parts.push('</svg>');
  return parts.join('');
}

export interface TornadoBar {
  label: string;
  atLow: number;
  atHigh: number;
}

/** Horizontal bars from the value at the parameter's low end to its high end, around the reference line. */
export function tornadoSvg(
  bars: TornadoBar[],
  reference: number,
  options: { title: string; formatX: (v: number) => string; width?: number; drawTitle?: boolean },
): string {
  const width = options.width ?? 640;
  const rowH = 18;
  const margin = { left: 230, right: 20, top: 40, bottom: 24 };
  const height = margin.top + margin.bottom + rowH * Math.max(1, bars.length);
  const values = [reference, ...bars.flatMap((b) => [b.atLow, b.atHigh])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 4);
  const x0 = ticks[0];
  const x1 = ticks[ticks.length - 1];
  const x = (v: number) => margin.left + ((v - x0) / (x1 - x0 || 1)) * (width - margin.left - margin.right);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    options.drawTitle === false ? '' : `<text x="8" y="16" font-size="13" font-weight="bold">${escapeHtml(options.title)}</text>`,
  ];
  for (const tick of ticks) {
    parts.push(`<line x1="${fmt(x(tick))}" x2="${fmt(x(tick))}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${fmt(x(tick))}" y="${height - margin.bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(options.formatX(tick))}</text>`);
  }
  bars.forEach((b, i) => {
    const yTop = margin.top + i * rowH + 3;
    const lowX = x(b.atLow);
    const highX = x(b.atHigh);
    const refX = x(reference);
    parts.push(`<text x="${margin.left - 6}" y="${yTop + 11}" font-size="10" text-anchor="end">${escapeHtml(b.label)}</text>`);
    parts.push(`<rect x="${fmt(Math.min(lowX, refX))}" y="${yTop}" width="${fmt(Math.abs(lowX - refX))}" height="${rowH - 6}" fill="#6a8fbf"/>`);
    parts.push(`<rect x="${fmt(Math.min(highX, refX))}" y="${yTop}" width="${fmt(Math.abs(highX - refX))}" height="${rowH - 6}" fill="#d9822b"/>`);
  });
  parts.push(`<line x1="${fmt(x(reference))}" x2="${fmt(x(reference))}" y1="${margin.top - 4}" y2="${height - margin.bottom}" stroke="#000"/>`);
  parts.push(
    `<text x="8" y="31" font-size="10"><tspan fill="#6a8fbf">■</tspan> assumption at its low end   <tspan fill="#d9822b">■</tspan> at its high end   │ central value</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
