/** One line of the benchmark table: which issue row it belongs to, the figure, its target and whether it holds. */
export interface Row {
  /** The row number, 1–9. */
  n: number;
  what: string;
  figure: string;
  target: string;
  /** true/false for a target, undefined for a figure that is only printed. */
  ok?: boolean;
}

export type Bench = () => Promise<Row[]>;
