/**
 * Budget adjustments in an OpenSLO export. OpenSLO v1 has no exclusion windows, so each SLO
 * document carries its adjustments (its own and its service's, approved or pending) as JSON in one
 * metadata annotation, for readers that know it; other tools see an ordinary annotation.
 */
import { RegistryDocument } from '../model';
import { sloAdjustments } from './adjustments';

export const ADJUSTMENTS_ANNOTATION = 'business-owner/budget-adjustments';

/**
 * The SLO document with its adjustments in `metadata.annotations` (kept beside any annotation it
 * has); the document unchanged when the SLO has none.
 */
export function withAdjustmentAnnotations(
  document: Record<string, unknown>,
  doc: Pick<RegistryDocument, 'services' | 'slos'>,
  sloId: string
): Record<string, unknown> {
  const adjustments = sloAdjustments(doc, sloId);
  if (adjustments.length === 0) {
    return document;
  }
  const metadata = (document.metadata ?? {}) as Record<string, unknown>;
  const annotations = (metadata.annotations ?? {}) as Record<string, string>;
  return {
    ...document,
    metadata: { ...metadata, annotations: { ...annotations, [ADJUSTMENTS_ANNOTATION]: JSON.stringify(adjustments) } },
  };
}
