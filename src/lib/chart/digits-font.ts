/**
 * A 5×7 bitmap font for the only text a chart carries: digits and the hyphen of ISO dates.
 * It is part of the code, so every machine (the tests, the Docker image) draws the same pixels,
 * and nothing depends on which fonts a system has installed.
 */
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

const GLYPHS: Record<string, readonly string[]> = {
  "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
  "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
  "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
  "3": ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
  "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
  "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
  "6": ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
  "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
  "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
  "9": [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
  "-": [".....", ".....", ".....", "#####", ".....", ".....", "....."],
};

/** The lit pixels of a character as [column, row] pairs; throws for a character the font lacks. */
export function glyphPixels(ch: string): [number, number][] {
  const rows = GLYPHS[ch];
  if (!rows) throw new RangeError(`the chart font has no glyph for ${JSON.stringify(ch)}`);
  const lit: [number, number][] = [];
  for (const [y, row] of rows.entries()) for (const [x, c] of [...row].entries()) if (c === "#") lit.push([x, y]);
  return lit;
}

export const hasGlyph = (ch: string) => Object.hasOwn(GLYPHS, ch);
