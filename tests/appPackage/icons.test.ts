import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PNG } from 'pngjs';

import {
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  renderColorIcon,
  renderOutlineIcon,
} from '../../scripts/make-icons';
import { REPO_ROOT } from './fixtures';

const readIcon = (name: string) => PNG.sync.read(readFileSync(join(REPO_ROOT, 'appPackage', name)));

interface Pixel {
  r: number;
  g: number;
  b: number;
  a: number;
}

function pixels(png: PNG): Pixel[] {
  const result: Pixel[] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    result.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  }
  return result;
}

/** Teams' rule for the outline icon: each pixel is fully transparent or white. */
const notWhiteOnTransparent = (png: PNG) =>
  pixels(png).filter((p) => p.a !== 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255));

describe('app icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    const color = readIcon('color.png');
    const outline = readIcon('outline.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect([COLOR_ICON_SIZE, OUTLINE_ICON_SIZE]).toEqual([192, 32]);
  });

  it('draws the outline icon white on transparent', () => {
    const outline = readIcon('outline.png');
    expect(notWhiteOnTransparent(outline)).toEqual([]);
    const alphas = pixels(outline).map((p) => p.a);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(100);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(100);
  });

  it('would reject an outline icon with a grey or coloured pixel', () => {
    const outline = readIcon('outline.png');
    outline.data.set([128, 128, 128, 255], 0);
    expect(notWhiteOnTransparent(outline)).toHaveLength(1);
  });

  it('draws the colour icon in full colour', () => {
    const color = pixels(readIcon('color.png'));
    const coloured = color.filter((p) => p.a === 255 && !(p.r === p.g && p.g === p.b));
    expect(coloured.length).toBeGreaterThan(COLOR_ICON_SIZE * COLOR_ICON_SIZE * 0.5);
  });

  it('matches what scripts/make-icons.ts draws, so the committed PNGs are not stale', () => {
    expect(readIcon('color.png').data.equals(renderColorIcon().data)).toBe(true);
    expect(readIcon('outline.png').data.equals(renderOutlineIcon().data)).toBe(true);
  });
});
