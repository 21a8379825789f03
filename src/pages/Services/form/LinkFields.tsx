import React from 'react';
import { t } from '@grafana/i18n';
import { Button, Combobox, Field, FieldSet, IconButton, Input, Stack } from '@grafana/ui';
import { linkTypeName } from '../../../components/labels';
import { LINK_TYPES, LinkType, ServiceLink } from '../../../domain/model';
import { ServiceFieldsProps } from './fieldProps';

/** Links by type; only http(s) URLs pass validation. */
export function LinkFields({ draft, change, problems }: ServiceFieldsProps) {
  const types = LINK_TYPES.map((value) => ({ value, label: linkTypeName(value) }));
  const update = (index: number, patch: Partial<ServiceLink>) =>
    change({ links: draft.links.map((link, i) => (i === index ? { ...link, ...patch } : link)) });
  const error = (index: number, key: keyof ServiceLink) => problems.at(`links[${index}].${key}`);
  return (
    <FieldSet label={t('bizowner.form.links', 'Links')}>
      {draft.links.map((link, index) => (
        <Stack key={index} gap={1} alignItems="flex-start" wrap="wrap">
          <Field
            label={t('bizowner.form.linkType', 'Type')}
            invalid={Boolean(error(index, 'type'))}
            error={error(index, 'type')}
          >
            <Combobox<LinkType>
              id={`link-${index}-type`}
              options={types}
              value={link.type}
              onChange={(option) => update(index, { type: option.value })}
              width={20}
            />
          </Field>
          <Field
            label={t('bizowner.form.linkTitle', 'Title')}
            invalid={Boolean(error(index, 'title'))}
            error={error(index, 'title')}
          >
            <Input
              id={`link-${index}-title`}
              width={30}
              aria-label={t('bizowner.form.linkTitleLabel', 'Link {{number}} title', { number: index + 1 })}
              value={link.title}
              onChange={(event) => update(index, { title: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={t('bizowner.form.linkUrl', 'URL')}
            description={t('bizowner.form.linkUrlHint', 'http:// or https:// only')}
            invalid={Boolean(error(index, 'url'))}
            error={error(index, 'url')}
          >
            <Input
              id={`link-${index}-url`}
              width={60}
              placeholder={t('bizowner.form.urlExample', 'https://')}
              aria-label={t('bizowner.form.linkUrlLabel', 'Link {{number}} URL', { number: index + 1 })}
              value={link.url}
              onChange={(event) => update(index, { url: event.currentTarget.value })}
            />
          </Field>
          <IconButton
            name="trash-alt"
            tooltip={t('bizowner.form.removeLink', 'Remove this link')}
            onClick={() => change({ links: draft.links.filter((_, i) => i !== index) })}
          />
        </Stack>
      ))}
      <Button
        variant="secondary"
        icon="plus"
        onClick={() => change({ links: [...draft.links, { type: 'runbook', title: '', url: '' }] })}
      >
        {t('bizowner.form.addLink', 'Add a link')}
      </Button>
    </FieldSet>
  );
}
