import React from 'react';
import { t } from '@grafana/i18n';
import { Button, Field, Input, Stack } from '@grafana/ui';

interface Props {
  label: string;
  description?: string;
  labels: Record<string, string>;
  onChange(labels: Record<string, string>): void;
  error?: string;
}

/** Label names and values as rows; an empty name is kept while typing and dropped on save. */
export function LabelsField({ label, description, labels, onChange, error }: Props) {
  const entries = Object.entries(labels);
  const set = (rows: Array<[string, string]>) => onChange(Object.fromEntries(rows));
  return (
    <Field label={label} description={description} invalid={Boolean(error)} error={error}>
      {/* Several inputs under one label: it names the group, each input names its row. The fragment
          keeps Field's `invalid` off the div. */}
      <>
        <div role="group" aria-label={label}>
          <Stack direction="column" gap={1}>
            {entries.map(([name, value], index) => (
              <Stack key={index} gap={1} alignItems="center">
                <Input
                  aria-label={t('bizowner.sloEditor.labels.nameOf', 'Name of label {{number}}', { number: index + 1 })}
                  width={20}
                  value={name}
                  placeholder={t('bizowner.sloEditor.labels.name', 'name')}
                  onChange={(event) =>
                    set(entries.map((entry, i) => (i === index ? [event.currentTarget.value, value] : entry)))
                  }
                />
                <span>=</span>
                <Input
                  aria-label={t('bizowner.sloEditor.labels.valueOf', 'Value of label {{number}}', {
                    number: index + 1,
                  })}
                  width={28}
                  value={value}
                  placeholder={t('bizowner.sloEditor.labels.value', 'value')}
                  onChange={(event) =>
                    set(entries.map((entry, i) => (i === index ? [name, event.currentTarget.value] : entry)))
                  }
                />
                <Button
                  variant="secondary"
                  fill="text"
                  icon="trash-alt"
                  aria-label={t('bizowner.sloEditor.labels.remove', 'Remove label {{number}}', { number: index + 1 })}
                  onClick={() => set(entries.filter((_, i) => i !== index))}
                />
              </Stack>
            ))}
            <div>
              <Button variant="secondary" size="sm" icon="plus" onClick={() => set([...entries, ['', '']])}>
                {t('bizowner.sloEditor.labels.add', 'Add label')}
              </Button>
            </div>
          </Stack>
        </div>
      </>
    </Field>
  );
}
