import { FormEvent, ReactNode, useCallback, useMemo, useState } from 'react';
import { RegistryDocument } from '../../domain/model';
import { Problem } from '../../domain/problems';
import { newProblems } from '../../domain/registryView/edits';
import { scopeProblems, validateRegistry } from '../../domain/validation/registry';
import { RegistryFailure } from '../../storage/registryStore';
import { useRegistry } from '../../storage/RegistryContext';
import { useUnsavedChangesPrompt } from '../UnsavedChanges/useUnsavedChangesPrompt';
import { indexProblems, NO_PROBLEMS, ProblemIndex } from './problemIndex';
import { rebaseDraft } from './rebaseDraft';

export interface EditorOptions<D> {
  doc: RegistryDocument;
  initial: D;
  /** The entity's own problems, with paths relative to it (`links[0].url`). */
  validate(draft: D, doc: RegistryDocument): Problem[];
  /** The registry with the edit applied. */
  apply(draft: D, doc: RegistryDocument): RegistryDocument;
  /** Where the entity sits in the edited registry, e.g. `services[3]`, to scope registry-wide findings. */
  locate(draft: D, next: RegistryDocument): string;
  onSaved(draft: D): void;
}

export interface Editor<D> {
  draft: D;
  change(patch: Partial<D>): void;
  dirty: boolean;
  /** Problems to show next to fields; empty until the first save attempt. */
  problems: ProblemIndex;
  /** Problems the edit causes elsewhere in the registry (e.g. a dangling reference). */
  elsewhere: Problem[];
  saving: boolean;
  failure?: RegistryFailure;
  submit(): Promise<void>;
  /**
   * The form's `onSubmit`. Submit events of forms in portals (e.g. a confirmation modal) bubble
   * through React to this form too; only the form's own submit saves.
   */
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** The unsaved-changes confirmation, to render with the form. */
  prompt: ReactNode;
}

/**
 * Form state for one registry entity: validation with the domain validators (shown from the first
 * save attempt on, then live), a registry-wide check of the edited document so that nothing
 * invalid is saved, the save itself with its conflict or failure, and the unsaved-changes prompt.
 */
export function useRegistryEditor<D extends object>(options: EditorOptions<D>): Editor<D> {
  const { doc, initial, validate, apply, locate, onSaved } = options;
  const { save } = useRegistry();
  const [draft, setDraft] = useState(initial);
  // The stored entity the draft started from. When a reload brings a newer one (e.g. after a
  // conflict), the fields the user has not touched follow it, so saving again keeps the other save.
  const [base, setBase] = useState(initial);
  if (JSON.stringify(base) !== JSON.stringify(initial)) {
    setBase(initial);
    setDraft(rebaseDraft(draft, base, initial));
  }
  const [submitted, setSubmitted] = useState(false);
  const [found, setFound] = useState<{ scoped: Problem[]; elsewhere: Problem[] }>({ scoped: [], elsewhere: [] });
  const [saving, setSaving] = useState(false);
  // A failure belongs to the registry revision it happened on: a reload after a conflict clears it.
  const [failed, setFailed] = useState<{ failure: RegistryFailure; revision: number } | undefined>(undefined);
  const failure = failed?.revision === doc.revision ? failed.failure : undefined;
  // Drafts are plain data built in a fixed key order, so their JSON compares them.
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const { prompt, allowNavigation } = useUnsavedChangesPrompt(dirty && !saving);

  const change = useCallback((patch: Partial<D>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setFound({ scoped: [], elsewhere: [] });
  }, []);

  const problems = useMemo(
    () => (submitted ? indexProblems([...validate(draft, doc), ...found.scoped]) : NO_PROBLEMS),
    [submitted, validate, draft, doc, found.scoped]
  );

  const submit = async () => {
    setSubmitted(true);
    if (indexProblems(validate(draft, doc)).all.length > 0) {
      return;
    }
    const next = apply(draft, doc);
    const broken = newProblems(validateRegistry(doc), validateRegistry(next));
    const prefix = locate(draft, next);
    const scoped = scopeProblems(broken, prefix);
    const elsewhere = broken.filter(
      (problem) =>
        problem.path !== prefix && !problem.path.startsWith(`${prefix}.`) && !problem.path.startsWith(`${prefix}[`)
    );
    if (broken.length > 0) {
      setFound({ scoped, elsewhere });
      return;
    }
    setSaving(true);
    const result = await save(next);
    setSaving(false);
    if (result.ok) {
      allowNavigation();
      onSaved(draft);
    } else {
      setFailed({ failure: result, revision: doc.revision });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (event.target === event.currentTarget) {
      submit();
    }
  };

  return { draft, change, dirty, problems, elsewhere: found.elsewhere, saving, failure, submit, onSubmit, prompt };
}
