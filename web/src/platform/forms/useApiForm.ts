import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useForm, type FormValidateInput, type UseFormReturnType } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { fieldProblem } from '../api/errors';
import type { ChangedField } from './stale-changes';
import { isStaleSave, staleOutcome, type StaleSave } from './stale-save';
import { useImeSafeSubmit } from './useImeSafeSubmit';

export interface ApiFormOptions<V, R, T, F extends string> {
  initialValues: V;
  /** Checks before anything is sent (the API checks again; its field problems show the same way). */
  validate?: FormValidateInput<V>;
  /** The call. `base` is the record being edited as last read (a stale save moves it on), for its `version`. */
  save: (values: V, base: T | undefined) => Promise<R>;
  onSaved?: (result: R, values: V) => unknown;
  /** For a record with a `version`: the stale-save flow (reload, say what changed, keep the edits). */
  stale?: StaleSave<V, T, F>;
}

type InputProps = ReturnType<UseFormReturnType<never>['getInputProps']>;

/** The props of a control: its value and change handler from the form, its error from the form's checks or the API. */
export type FieldProps = InputProps & Required<Pick<InputProps, 'value'>> & { error: string | undefined };

export interface ApiForm<V, R, T> {
  /** The Mantine form: values, setFieldValue, getInputProps. */
  form: UseFormReturnType<V>;
  values: V;
  /** The record as last read (moved on by a stale save). */
  base: T | undefined;
  /** A control's props; `apiField` is where the API names the field, when it differs from the form's path. */
  field: (path: string, apiField?: string) => FieldProps;
  /** The problem with one field: the form's own check, else what the failed call said about `apiField`. */
  problem: (apiField: string, path?: string) => string | undefined;
  /** Spread on the `<form>`: submit (IME-safe), no browser validation. */
  formProps: { onSubmit: (event?: FormEvent<HTMLFormElement>) => void; onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void; noValidate: true };
  /** Spread on `<SaveProblem>`: what someone else changed, or why the save failed. */
  saveProblem: { stale: readonly ChangedField[] | undefined; error: unknown };
  saving: boolean;
  error: Error | null;
  saved: R | undefined;
  /** Submit from code (a button outside the form). */
  submit: () => void;
}

/** One form on the API: values and checks (Mantine form), the call, field errors by field, and the stale-save flow. */
export function useApiForm<V extends object, R, T = never, F extends string = never>(options: ApiFormOptions<V, R, T, F>): ApiForm<V, R, T> {
  const form = useForm<V>({ mode: 'controlled', initialValues: options.initialValues, validate: options.validate });
  const [base, setBase] = useState<T | undefined>(options.stale?.record);
  const [stale, setStale] = useState<ChangedField[]>();
  const imeSafe = useImeSafeSubmit();

  const save = useMutation({
    mutationFn: (values: V) => options.save(values, base),
    onSuccess: (result, values) => options.onSaved?.(result, values),
    onError: async (error, mine) => {
      const flow = options.stale;
      if (!(flow && base !== undefined && isStaleSave(error))) return;
      const current = await flow.reload(base);
      const outcome = staleOutcome(flow, mine, base, current);
      form.setValues(outcome.values);
      setStale(outcome.changes);
      setBase(current);
    },
  });

  const problem = (apiField: string, path?: string): string | undefined => {
    const own = path === undefined ? undefined : form.errors[path];
    return typeof own === 'string' ? own : fieldProblem(save.error, apiField);
  };
  const submit = form.onSubmit((values) => {
    setStale(undefined);
    save.mutate(values);
  });

  return {
    form,
    values: form.values,
    base,
    field: (path, apiField = path) => {
      const props = form.getInputProps(path);
      return { ...props, value: props.value, error: problem(apiField, path) };
    },
    problem,
    formProps: { onSubmit: submit, onKeyDown: imeSafe, noValidate: true },
    saveProblem: { stale, error: save.error },
    saving: save.isPending,
    error: save.error,
    saved: save.data,
    submit: () => submit(),
  };
}
