import { App, Button, Checkbox, Drawer, Form, Grid, Input, InputNumber, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganisationDto, UpdateOrganisationRequest } from '../../../common/schemas/organisations';
import { blankToNull, zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { organisationApi, useOrganisationMutation } from './api';

interface EditValues {
  name: string;
  shortName?: string | null;
  sortOrder: number;
  active: boolean;
  keepOldNameAsAlias: boolean;
}

/** Rename (keeping the old name as an alias), short name, order, active. */
export function EditOrganisationDrawer({
  org,
  onClose,
}: {
  org: OrganisationDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const name = Form.useWatch('name', form);
  const fields = { ...UpdateOrganisationRequest.shape, name: UpdateOrganisationRequest.shape.name.unwrap() };

  const update = useOrganisationMutation(({ id, values }: { id: number; values: EditValues }) =>
    organisationApi.update(id, { ...values, shortName: blankToNull(values.shortName) }),
  );

  useEffect(() => {
    if (org) {
      form.setFieldsValue({
        name: org.name,
        shortName: org.shortName,
        sortOrder: org.sortOrder,
        active: org.active,
        keepOldNameAsAlias: true,
      });
      update.reset();
    }
  }, [org, form, update.reset]);

  const renamed = org !== null && typeof name === 'string' && name.trim() !== org.name;

  return (
    <Drawer
      open={org !== null}
      title={t('organisations.editTitle')}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={update.error} style={{ marginBottom: 16 }} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (org)
            update.mutate(
              { id: org.id, values },
              {
                onSuccess: () => {
                  message.success(t('common.saved'));
                  onClose();
                },
              },
            );
        }}
      >
        <Form.Item
          name="name"
          label={t('organisations.name')}
          rules={[zodRule(fields.name, t('organisations.name'), t)]}
        >
          <Input />
        </Form.Item>
        {renamed ? (
          <Form.Item name="keepOldNameAsAlias" valuePropName="checked">
            <Checkbox>{t('organisations.keepOldNameAsAlias')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          name="shortName"
          label={t('organisations.shortName')}
          rules={[zodRule(fields.shortName, t('organisations.shortName'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('organisations.sortOrder')}
          rules={[zodRule(fields.sortOrder, t('organisations.sortOrder'), t)]}
        >
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('organisations.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
