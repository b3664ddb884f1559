import { PNG } from "pngjs";
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixels } from "./digits-font.js";

export type Rgb = readonly [number, number, number];

/** An RGB picture drawn with rectangles and the digits font, encoded as PNG by pngjs. */
export class Bitmap {
  private readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = Buffer.alloc(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  /** Fills the rectangle, clipped to the picture; fractional edges are rounded. */
  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
        this.data[i + 3] = 255;
      }
    }
  }

  /** Width in pixels of `text` at `scale` (one blank column between characters). */
  static textWidth(text: string, scale: number): number {
    return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
  }

  static textHeight(scale: number): number {
    return GLYPH_HEIGHT * scale;
  }

  /** Draws digits and hyphens with the top-left corner at (x, y). */
  text(x: number, y: number, text: string, scale: number, color: Rgb): void {
    [...text].forEach((ch, i) => {
      const left = x + i * (GLYPH_WIDTH + 1) * scale;
      for (const [gx, gy] of glyphPixels(ch)) this.fillRect(left + gx * scale, y + gy * scale, scale, scale, color);
    });
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height, colorType: 2 });
    this.data.copy(png.data);
    return PNG.sync.write(png, { colorType: 2 });
  }
}
