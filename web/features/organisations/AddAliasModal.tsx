import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddAliasRequest, type OrganisationDto } from '../../../common/schemas/organisations';
import { FormModal } from '../../components/FormModal';
import { blankToNull, schemaRules } from '../../components/formRules';
import { organisationApi, useOrganisationMutation } from './api';

interface AliasValues {
  alias: string;
  note?: string;
}

/** Another name an organisation is known by (imports resolve it). */
export function AddAliasModal({ org, onClose }: { org: OrganisationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = schemaRules(AddAliasRequest, t);
  const add = useOrganisationMutation(({ id, values }: { id: number; values: AliasValues }) =>
    organisationApi.addAlias(id, { alias: values.alias, note: blankToNull(values.note) }),
  );

  return (
    <FormModal<AliasValues>
      open={org !== null}
      title={org ? `${t('organisations.addAlias')} — ${org.name}` : ''}
      okText={t('common.save')}
      width={520}
      onSubmit={async (values) => {
        if (!org) return;
        await add.mutateAsync({ id: org.id, values });
        message.success(t('organisations.aliasAdded'));
      }}
      onClose={onClose}
    >
      <Form.Item
        name="alias"
        label={t('organisations.alias')}
        rules={f.rules('alias', t('organisations.alias'))}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('organisations.aliasNote')}
        rules={f.rules('note', t('organisations.aliasNote'))}
      >
        <Input placeholder={t('organisations.aliasNotePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
