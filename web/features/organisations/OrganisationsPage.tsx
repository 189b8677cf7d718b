import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../common/organisations';
import type { OrganisationDto } from '../../../common/schemas/organisations';
import { errorText } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { AddButton } from '../../components/Toolbar';
import { AddAliasModal } from './AddAliasModal';
import { organisationApi, useOrganisationMutation, useOrganisations } from './api';
import { CreateOrganisationModal } from './CreateOrganisationModal';
import { EditOrganisationDrawer } from './EditOrganisationDrawer';
import { KindTag, useKindOptions } from './labels';

/** Departments, counterparts and the other organisations of the region, with their aliases. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const kinds = useKindOptions();
  const [kind, setKind] = useState<OrganisationKind | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<OrganisationDto | null>(null);
  const [aliasFor, setAliasFor] = useState<OrganisationDto | null>(null);

  const list = useOrganisations({ kind, q });
  const canWrite = list.data?.abilities.canWrite ?? false;

  const removeAlias = useOrganisationMutation(({ orgId, aliasId }: { orgId: number; aliasId: number }) =>
    organisationApi.removeAlias(orgId, aliasId),
  );

  const confirmRemoveAlias = (org: OrganisationDto, alias: OrganisationDto['aliases'][number]) => {
    modal.confirm({
      title: t('organisations.removeAliasConfirm', { alias: alias.alias }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        removeAlias.mutateAsync(
          { orgId: org.id, aliasId: alias.id },
          {
            onSuccess: () => message.success(t('organisations.aliasRemoved')),
            onError: (error) => message.error(errorText(error)),
          },
        ),
    });
  };

  const columns: TableColumnsType<OrganisationDto> = [
    {
      title: t('organisations.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {org.shortName ? <Typography.Text type="secondary">{org.shortName}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('organisations.kind'),
      dataIndex: 'kind',
      render: (k: OrganisationKind) => <KindTag kind={k} />,
    },
    { title: t('organisations.region'), dataIndex: 'regionName' },
    {
      title: t('organisations.aliases'),
      key: 'aliases',
      render: (_, org) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
          {org.aliases.map((a) => (
            <Tag
              key={a.id}
              title={a.note ?? undefined}
              closable={canWrite}
              onClose={(e) => {
                e.preventDefault();
                confirmRemoveAlias(org, a);
              }}
            >
              {a.alias}
            </Tag>
          ))}
          {canWrite ? (
            <Tag
              style={{ borderStyle: 'dashed', cursor: 'pointer', background: '#fff' }}
              onClick={() => setAliasFor(org)}
            >
              <PlusOutlined /> {t('organisations.addAlias')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('organisations.sortOrder'),
      dataIndex: 'sortOrder',
      sorter: (a, b) => a.sortOrder - b.sortOrder,
    },
    {
      title: t('organisations.active'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, org) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(org)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <ListPage<OrganisationDto>
      title={t('organisations.title')}
      toolbar={
        <>
          <Select<OrganisationKind>
            allowClear
            placeholder={t('organisations.kindAll')}
            aria-label={t('organisations.kindAll')}
            style={{ width: 160 }}
            options={kinds}
            value={kind}
            onChange={(value) => setKind(value)}
          />
          <Input.Search
            allowClear
            placeholder={t('organisations.searchPlaceholder')}
            aria-label={t('organisations.searchPlaceholder')}
            style={{ width: 280, maxWidth: '100%' }}
            onSearch={(value) => setQ(value.trim())}
          />
          <div className="liaison-toolbar-spacer" />
          {canWrite ? (
            <AddButton onClick={() => setCreating(true)}>{t('organisations.add')}</AddButton>
          ) : null}
        </>
      }
      list={list}
      sizeChanger
      table={{ columns }}
    >
      {canWrite ? (
        <>
          <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} />
          <EditOrganisationDrawer org={editing} onClose={() => setEditing(null)} />
          <AddAliasModal org={aliasFor} onClose={() => setAliasFor(null)} />
        </>
      ) : null}
    </ListPage>
  );
}
