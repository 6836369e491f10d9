import type { Page } from '@playwright/test';

export interface FocusRingSample {
  element: string;
  ring: string;
  background: string;
  ratio: number;
  width: number;
}

/**
 * Tabs through the page (at most `limit` stops, or until focus comes round again) and, for each
 * focused element, reads its outline from computed styles and the colour behind the ring: the first
 * opaque background of its ancestors (semi-transparent ones blended in order), since the ring is drawn
 * outside the element. Returns the WCAG contrast ratio of ring against that background for each stop.
 */
export async function sampleFocusRings(page: Page, limit = 80): Promise<FocusRingSample[]> {
  const samples: FocusRingSample[] = [];
  let first: string | null = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const sample = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const parse = (value: string): [number, number, number, number] => {
        const match = /rgba?\(([^)]+)\)/.exec(value);
        if (!match) return [0, 0, 0, 0];
        const parts = match[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
        return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
      };
      // Layers from the nearest ancestor outwards, until an opaque one; then composed from the back.
      const layers: [number, number, number, number][] = [];
      for (let node = element.parentElement; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      let behind: [number, number, number] = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) behind = [r * a + behind[0] * (1 - a), g * a + behind[1] * (1 - a), b * a + behind[2] * (1 - a)];
      const style = getComputedStyle(element);
      const ring = parse(style.outlineColor);
      const luminance = ([r, g, b]: number[]) => {
        const [lr, lg, lb] = [r!, g!, b!].map((channel) => {
          const c = channel / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
      };
      const [lighter, darker] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
      return {
        element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name}"`,
        ring: style.outlineStyle === 'none' ? 'none' : style.outlineColor,
        background: `rgb(${behind.map(Math.round).join(', ')})`,
        ratio: style.outlineStyle === 'none' ? 1 : Math.round(((lighter! + 0.05) / (darker! + 0.05)) * 100) / 100,
        width: Number.parseFloat(style.outlineWidth),
      };
    });
    if (!sample) continue;
    if (sample.element === first) break;
    first ??= sample.element;
    samples.push(sample);
  }
  return samples;
}
