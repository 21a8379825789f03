/**
 * Grafana registers its data transformations at boot (`standardTransformersRegistry.setInit`), and
 * scenes look some up by id: the annotations layer merges the frames of an annotation query with
 * `merge`. The sandbox registers the transformations @grafana/data ships, without the editors
 * Grafana's transformation UI adds (nothing in the sandbox edits a transformation).
 */
import { standardTransformers, standardTransformersRegistry, TransformerRegistryItem } from '@grafana/data';

function NoEditor(): null {
  return null;
}

export function installStandardTransformers(): void {
  // Some are listed under two names (an old and a new one) with the same id: register each id once.
  const unique = [...new Map(Object.values(standardTransformers).map((info) => [info.id, info])).values()];
  standardTransformersRegistry.setInit(() =>
    unique.map((transformation): TransformerRegistryItem => ({
      id: transformation.id,
      aliasIds: transformation.aliasIds,
      name: transformation.name,
      description: transformation.description,
      transformation,
      editor: NoEditor,
      // pictures of the transformation picker, which the sandbox does not have
      imageDark: '',
      imageLight: '',
    }))
  );
}
