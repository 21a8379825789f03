import { t } from '@grafana/i18n';
import { AdjustmentKind } from '../../domain/model';

/** The kind of an adjustment as the page names it. */
export function adjustmentKindLabel(kind: AdjustmentKind): string {
  switch (kind) {
    case 'maintenance':
      return t('bizowner.adjustments.kind.maintenance', 'Maintenance');
    case 'knownCause':
      return t('bizowner.adjustments.kind.knownCause', 'Known cause');
    default:
      return t('bizowner.adjustments.kind.dependency', 'Dependency');
  }
}
