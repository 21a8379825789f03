import { ProblemIndex } from '../../../components/Form/problemIndex';
import { RegistryDocument } from '../../../domain/model';
import { ServiceDraft } from './serviceDraft';

/** What every part of the service form receives. */
export interface ServiceFieldsProps {
  draft: ServiceDraft;
  change(patch: Partial<ServiceDraft>): void;
  problems: ProblemIndex;
  doc: RegistryDocument;
  /** Editing an existing service: its id is fixed. */
  editing: boolean;
}
