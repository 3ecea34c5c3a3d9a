import { PNG } from 'pngjs';

/**
 * The trend chart as a PNG, because mail clients show PNGs inline (by Content-ID) and most drop SVG. Place 1 is
 * at the top. Drawn pixel by pixel so it needs no fonts, canvas or native code in Lambda; the labels are in the
 * e-mail's HTML beside it.
 */
export interface ChartPoint {
  median: number;
  ci95?: [number, number] | null;
}

type Rgb = [number, number, number];
export const CHART_COLOURS = {
  median: [11, 83, 148] as Rgb,
  interval: [159, 197, 232] as Rgb,
  goal: [56, 118, 29] as Rgb,
  reference: [153, 153, 153] as Rgb,
};
const WIDTH = 600;
const HEIGHT = 240;
const PAD = 24;

export function trendChartPng(points: (ChartPoint | null)[], reference: number, goal: number): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  png.data.fill(255);
  const values = points.flatMap((p) => (p ? [p.median, ...(p.ci95 ?? [])] : []));
  const bottom = Math.max(60, ...values.map((v) => Math.ceil(v / 10) * 10));
  const y = (place: number) => Math.round(PAD + ((place - 1) / (bottom - 1)) * (HEIGHT - 2 * PAD));
  const x = (index: number) =>
    Math.round(
      PAD + (points.length <= 1 ? (WIDTH - 2 * PAD) / 2 : (index / (points.length - 1)) * (WIDTH - 2 * PAD)),
    );

  const set = (px: number, py: number, [r, g, b]: Rgb) => {
    if (px < 0 || py < 0 || px >= WIDTH || py >= HEIGHT) return;
    const at = (py * WIDTH + px) * 4;
    png.data[at] = r;
    png.data[at + 1] = g;
    png.data[at + 2] = b;
    png.data[at + 3] = 255;
  };
  const disc = (cx: number, cy: number, radius: number, colour: Rgb) => {
    for (let dx = -radius; dx <= radius; dx++)
      for (let dy = -radius; dy <= radius; dy++)
        if (dx * dx + dy * dy <= radius * radius) set(cx + dx, cy + dy, colour);
  };
  const line = (x0: number, y0: number, x1: number, y1: number, colour: Rgb, width = 1, dash = 0) => {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let i = 0; i <= steps; i++) {
      if (dash && Math.floor(i / dash) % 2 === 1) continue;
      disc(
        Math.round(x0 + ((x1 - x0) * i) / steps),
        Math.round(y0 + ((y1 - y0) * i) / steps),
        Math.floor(width / 2),
        colour,
      );
    }
  };

  for (let place = 10; place <= bottom; place += 10)
    line(PAD, y(place), WIDTH - PAD, y(place), [235, 235, 235]);
  line(PAD, PAD, PAD, HEIGHT - PAD, [120, 120, 120]);
  line(PAD, y(goal), WIDTH - PAD, y(goal), CHART_COLOURS.goal, 3, 8);
  line(PAD, y(reference), WIDTH - PAD, y(reference), CHART_COLOURS.reference, 3, 8);
  points.forEach((point, index) => {
    if (point?.ci95) line(x(index), y(point.ci95[0]), x(index), y(point.ci95[1]), CHART_COLOURS.interval, 9);
  });
  let previous: [number, number] | undefined;
  points.forEach((point, index) => {
    if (!point) return;
    const here: [number, number] = [x(index), y(point.median)];
    if (previous) line(previous[0], previous[1], here[0], here[1], CHART_COLOURS.median, 3);
    previous = here;
  });
  points.forEach((point, index) => {
    if (point) disc(x(index), y(point.median), 6, CHART_COLOURS.median);
  });
  return PNG.sync.write(png);
}
