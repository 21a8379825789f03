import { ProblemIndex } from '../../../components/Form/problemIndex';
import { RegistryDocument, Slo } from '../../../domain/model';

/** What every section of the SLO editor receives. */
export interface SloFieldsProps {
  draft: Slo;
  change(patch: Partial<Slo>): void;
  problems: ProblemIndex;
  doc: RegistryDocument;
  /** Editing a stored SLO: its id is fixed. */
  editing: boolean;
}
