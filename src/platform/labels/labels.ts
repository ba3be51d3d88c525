/**
 * Japanese labels (Japanese first, English second) for the API's code lists. Each area keeps
 * its own lists beside its codes (membership's causes in membership/vocabulary.ts, the stages
 * in organizing/labels.ts, ...); the app gathers them into GET /labels (src/labels.ts), so a
 * console can show 結成準備会 without a table of its own.
 */
export interface Label {
  code: string;
  label: string;
  labelEn: string;
}

/** code -> [Japanese, English]. */
export type LabelMap = Readonly<Record<string, readonly [label: string, labelEn: string]>>;

/** The codes of a list, in its order. */
export const codesOf = <M extends LabelMap>(map: M) => Object.keys(map) as (keyof M & string)[];

/** The Japanese label of a code, or the code itself when unknown. */
export function labelOf(map: LabelMap, code: string): string {
  return Object.hasOwn(map, code) ? map[code][0] : code;
}

export function labelList(map: LabelMap): Label[] {
  return Object.entries(map).map(([code, [label, labelEn]]) => ({ code, label, labelEn }));
}

/** The labels of every code of a list (`satisfies LabelsOf<Stage>` keeps a list whole). */
export type LabelsOf<Code extends string> = Record<Code, readonly [label: string, labelEn: string]>;
