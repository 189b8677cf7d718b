import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  List,
  Row,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WORK_ITEM_LABELS, type WorkItem } from '../../../common/schemas/digest';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { label } from '../../i18n';
import { myWorkApi, useMyWork } from './api';

/** A link of the server: a web path of this app, else nothing (never a javascript: or outside URL). */
export function safePath(link: string | null | undefined): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

type Filter = 'all' | 'overdue' | 'dated';

/** 我的工作: what is due for me and my unit, overdue first, one click to act; what changed since my last visit. */
export default function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const user = useCurrentUser();
  const [filter, setFilter] = useState<Filter>('all');
  const { message } = App.useApp();
  // Fetch once per page view, then mark this session's visit with the moment the answer was made (a GET
  // changes nothing on the server). "Since the last visit" is the last visit in another sign-in session, so
  // a reload keeps the changes; "mark all as seen" starts it afresh on purpose.
  const work = useMyWork();
  const generatedAt = work.data?.generatedAt;
  useEffect(() => {
    if (generatedAt) void myWorkApi.markSeen({ at: generatedAt }).catch(() => {});
  }, [generatedAt]);
  const markAll = useMutation({
    mutationFn: (at: string) => myWorkApi.markSeen({ at, all: true }),
    onSuccess: () => void work.refetch(),
    onError: (e) => message.error(errorText(e)),
  });
  const items = useMemo(() => {
    const all = work.data?.items ?? [];
    if (filter === 'overdue') return all.filter((i) => i.overdue);
    if (filter === 'dated') return all.filter((i) => i.dueDate);
    return all;
  }, [work.data, filter]);

  const renderItem = (item: WorkItem) => {
    const path = safePath(item.link);
    const body = (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color={item.overdue ? 'red' : 'blue'}>{label(WORK_ITEM_LABELS[item.type], lang)}</Tag>
          <Typography.Text strong style={{ wordBreak: 'break-word' }}>
            {item.title}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.organisation.name}
          {item.dueDate ? (
            <>
              {' · '}
              <span style={{ color: item.overdue ? '#cf1322' : undefined }}>
                <ClockCircleOutlined />{' '}
                {item.overdue
                  ? t('myWork.overdueSince', { date: item.dueDate })
                  : t('myWork.dueOn', { date: item.dueDate })}
              </span>
            </>
          ) : null}
        </Typography.Text>
      </Space>
    );
    return (
      <List.Item data-testid="work-item" data-overdue={item.overdue ? '1' : '0'}>
        {path ? (
          <Link to={path} style={{ color: 'inherit', display: 'block', width: '100%' }}>
            {body}
          </Link>
        ) : (
          body
        )}
      </List.Item>
    );
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card
          title={
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('myWork.title')}
              </Typography.Title>
              {work.data && work.data.overdue > 0 ? (
                <Badge
                  count={t('myWork.overdueCount', { count: work.data.overdue })}
                  style={{ backgroundColor: '#cf1322' }}
                  data-testid="work-overdue"
                />
              ) : null}
            </Space>
          }
          extra={
            <Typography.Text type="secondary" className="liaison-hide-phone">
              {user.organisation.name}
              {work.data ? ` · ${work.data.today}` : ''}
            </Typography.Text>
          }
        >
          <Segmented<Filter>
            style={{ marginBottom: 12 }}
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('myWork.all') },
              { value: 'overdue', label: t('myWork.overdueOnly') },
              { value: 'dated', label: t('myWork.withDeadline') },
            ]}
          />
          {work.isPending ? <Skeleton active /> : null}
          {work.isError ? <Alert type="error" showIcon title={errorText(work.error)} /> : null}
          {work.data ? (
            <List
              dataSource={items}
              renderItem={renderItem}
              locale={{ emptyText: <Empty description={t('myWork.nothingDue')} /> }}
              data-testid="work-list"
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card
          title={t('myWork.changes')}
          extra={
            work.data ? (
              <Space size={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {work.data.changes.since
                    ? t('myWork.since', { at: formatDateTime(work.data.changes.since) })
                    : t('myWork.firstVisit')}
                </Typography.Text>
                {work.data.changes.items.length > 0 ? (
                  <Button
                    size="small"
                    type="link"
                    loading={markAll.isPending}
                    onClick={() => work.data && markAll.mutate(work.data.generatedAt)}
                    data-testid="work-mark-all-seen"
                  >
                    {t('myWork.markAllSeen')}
                  </Button>
                ) : null}
              </Space>
            ) : null
          }
        >
          {work.data ? (
            <List
              size="small"
              dataSource={work.data.changes.items}
              locale={{ emptyText: t('myWork.noChanges') }}
              data-testid="work-changes"
              renderItem={(c) => {
                const path = safePath(c.link);
                const title = <span style={{ wordBreak: 'break-word' }}>{c.title}</span>;
                return (
                  <List.Item>
                    <List.Item.Meta
                      title={path ? <Link to={path}>{title}</Link> : title}
                      description={`${c.type === 'ledger' ? t('myWork.changeLedger') : t('myWork.changeNotification')} · ${formatDateTime(c.at)}`}
                    />
                  </List.Item>
                );
              }}
            />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </Col>
    </Row>
  );
}
