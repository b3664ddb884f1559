/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export const csvField = (v: string | number): string => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** A header line and rows, each line ended by a newline. */
export const csvLines = (header: string, rows: readonly (readonly (string | number)[])[]): string =>
  `${[header, ...rows.map((r) => r.map(csvField).join(","))].join("\n")}\n`;
