/**
 * Draws the two Teams app icons from one vector description of the mark, so the colour icon and
 * the outline icon can never drift apart. Run `npx tsx scripts/make-icons.ts` after changing the
 * mark; tests/appPackage re-render the icons and fail if the committed PNGs differ.
 *
 * The mark: three rising steps with a person's head above the top one, "the next step up".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PNG } from 'pngjs';

/** Sizes the Teams manifest schema prescribes for `icons.color` and `icons.outline`. */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Teams' brand indigo: reads well on light and dark Teams themes. */
const BRAND = { r: 0x5b, g: 0x5f, b: 0xc7 };

/** Samples per axis per pixel: 4×4 supersampling gives smooth edges without a graphics library. */
const SUPERSAMPLE = 4;

/** A shape in unit coordinates (0..1 across the icon), asked "is this point inside?". */
type Shape = (x: number, y: number) => boolean;

const rect =
  (left: number, top: number, right: number, bottom: number): Shape =>
  (x, y) =>
    x >= left && x < right && y >= top && y < bottom;

const circle =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((inside) => inside(x, y));

function roundedSquare(radius: number): Shape {
  const core = union(rect(radius, 0, 1 - radius, 1), rect(0, radius, 1, 1 - radius));
  const corners = [
    circle(radius, radius, radius),
    circle(1 - radius, radius, radius),
    circle(radius, 1 - radius, radius),
    circle(1 - radius, 1 - radius, radius),
  ];
  return union(core, ...corners);
}

/** Three steps rising left to right, and a head above the top step. */
const STEPS_MARK: Shape = union(
  rect(0.2, 0.64, 0.42, 0.84),
  rect(0.39, 0.49, 0.61, 0.84),
  rect(0.58, 0.34, 0.8, 0.84),
  circle(0.69, 0.22, 0.07),
);

const BACKGROUND: Shape = roundedSquare(0.18);

/** Fraction of a pixel's supersamples that fall inside the shape (0..1). */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (shape(x, y)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function paint(
  size: number,
  pixel: (px: number, py: number) => [number, number, number, number],
): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const offset = (py * size + px) * 4;
      const [r, g, b, a] = pixel(px, py);
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = a;
    }
  }
  return png;
}

const mix = (from: number, to: number, t: number) => Math.round(from + (to - from) * t);

/** 192×192 full colour: the white mark on an indigo rounded square. */
export function renderColorIcon(): PNG {
  return paint(COLOR_ICON_SIZE, (px, py) => {
    const bg = coverage(BACKGROUND, px, py, COLOR_ICON_SIZE);
    const mark = coverage(STEPS_MARK, px, py, COLOR_ICON_SIZE);
    return [
      mix(BRAND.r, 255, mark),
      mix(BRAND.g, 255, mark),
      mix(BRAND.b, 255, mark),
      Math.round(bg * 255),
    ];
  });
}

/**
 * 32×32 outline: Teams requires white on transparent. Every pixel is pure white; only the alpha
 * channel carries the shape (partial alpha on anti-aliased edges), so no pixel is ever grey.
 */
export function renderOutlineIcon(): PNG {
  return paint(OUTLINE_ICON_SIZE, (px, py) => {
    const alpha = Math.round(coverage(STEPS_MARK, px, py, OUTLINE_ICON_SIZE) * 255);
    return alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha];
  });
}

function main(): void {
  const dir = join(__dirname, '..', 'appPackage');
  writeFileSync(join(dir, 'color.png'), PNG.sync.write(renderColorIcon()));
  writeFileSync(join(dir, 'outline.png'), PNG.sync.write(renderOutlineIcon()));
  console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}

if (require.main === module) main();
