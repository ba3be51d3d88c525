import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../api/client';
import { labelsQuery } from './queries';

export { labelsQuery };

export type Labels = Schemas['LabelsDto'];
export type LabelList = keyof Labels;

export interface LabelOf {
  (list: LabelList, code: string): string;
  options(list: LabelList, only?: (code: string) => boolean): { value: string; label: string }[];
}

/** `label('causes', 'retirement')` → 定年退職 (the code itself until the labels are loaded). The same function until the labels change. */
export function useLabels(): LabelOf {
  const { data } = useQuery(labelsQuery);
  return useMemo(() => {
    const label = ((list: LabelList, code: string) => data?.[list].find((l) => l.code === code)?.label ?? code) as LabelOf;
    label.options = (list, only) => (data?.[list] ?? []).filter((l) => !only || only(l.code)).map((l) => ({ value: l.code, label: l.label }));
    return label;
  }, [data]);
}
