import { CalendarOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Calendar,
  Card,
  Grid,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CalendarEventDto } from '../../../common/schemas/calendar';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { calendarApi, useCalendarRange } from './api';

const TYPE_COLORS: Record<CalendarEventDto['type'], string> = {
  invitation: 'blue',
  symposium: 'gold',
  plan_deadline: 'red',
};

/** The local date of an event: all-day events carry their date, timed ones an instant. */
const dateOf = (e: CalendarEventDto) =>
  e.allDay ? e.start.slice(0, 10) : dayjs(e.start).format('YYYY-MM-DD');

function useCalendar(month: Dayjs) {
  // The six weeks the month view shows.
  const from = month.startOf('month').startOf('week');
  const to = from.add(41, 'day');
  const range = { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
  return useCalendarRange(range);
}

function EventLine({ event, onOpen }: { event: CalendarEventDto; onOpen: (e: CalendarEventDto) => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      style={{ cursor: 'pointer' }}
      onClick={() => onOpen(event)}
      extra={<Tag color={TYPE_COLORS[event.type]}>{t(`calendar.types.${event.type}`)}</Tag>}
    >
      <List.Item.Meta
        title={event.title}
        description={
          <>
            <div>
              {event.allDay ? event.start : formatDateTime(event.start)}
              {event.place ? ` · ${event.place}` : ''}
            </div>
            <div>
              {event.department}
              {event.counterparts.length ? ` — ${event.counterparts.join('、')}` : ''}
            </div>
          </>
        }
      />
    </List.Item>
  );
}

/** The personal iCal subscription: a new secret URL, shown once. */
function FeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useMutation({
    mutationFn: calendarApi.newFeedToken,
  });
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('calendar.feedTitle')}
      onCancel={close}
      footer={
        create.isSuccess ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() => create.mutate()}
              data-testid="feed-create"
            >
              {t('calendar.feedCreate')}
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph>{t('calendar.feedIntro')}</Typography.Paragraph>
      {create.isError ? <Alert type="error" showIcon title={errorText(create.error)} /> : null}
      {create.isSuccess ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('calendar.feedOnce')}
            description={t('calendar.feedSecret')}
          />
          <Typography.Paragraph
            copyable={{ text: create.data.url, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ marginTop: 16, wordBreak: 'break-all' }}
            data-testid="feed-url"
          >
            {create.data.url}
          </Typography.Paragraph>
        </>
      ) : (
        <Alert type="info" showIcon title={t('calendar.feedReplaces')} />
      )}
    </Modal>
  );
}

/** 日程: invitations, symposia and open plan deadlines by month; the iCal subscription. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  const [selected, setSelected] = useState(() => dayjs());
  const [feedOpen, setFeedOpen] = useState(false);
  const events = useCalendar(month);

  const byDate = useMemo(() => {
    const map = new Map<string, CalendarEventDto[]>();
    for (const e of events.data?.items ?? []) {
      const key = dateOf(e);
      const list = map.get(key) ?? [];
      list.push(e);
      map.set(key, list);
    }
    return map;
  }, [events.data]);

  const open = (e: CalendarEventDto) => {
    const year = Number(dateOf(e).slice(0, 4));
    if (e.recordId) navigate(`/ledger?year=${year}&record=${e.recordId}`);
    else navigate(`/plans?year=${year}`);
  };

  const dayEvents = byDate.get(selected.format('YYYY-MM-DD')) ?? [];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
      }
      extra={
        <Button icon={<LinkOutlined />} onClick={() => setFeedOpen(true)} data-testid="feed-open">
          {wide ? t('calendar.feedButton') : t('calendar.feedShort')}
        </Button>
      }
    >
      {events.isError ? (
        <Alert type="error" showIcon title={errorText(events.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Space wrap size={[12, 4]} style={{ marginBottom: 8 }}>
        {(['invitation', 'symposium', 'plan_deadline'] as const).map((type) => (
          <Badge key={type} color={TYPE_COLORS[type]} text={t(`calendar.types.${type}`)} />
        ))}
      </Space>
      <Calendar
        fullscreen={wide}
        value={selected}
        onSelect={(date, info) => {
          setSelected(date);
          if (info.source !== 'date') setMonth(date.startOf('month'));
          else if (!date.isSame(month, 'month')) setMonth(date.startOf('month'));
        }}
        onPanelChange={(date) => setMonth(date.startOf('month'))}
        // antd's own header has unlabelled year and month selects (axe: label); the same two, named
        headerRender={({ value, onChange }) => (
          <Space style={{ padding: 8, justifyContent: 'flex-end', width: '100%' }}>
            <Select<number>
              size="small"
              aria-label={t('calendar.year')}
              value={value.year()}
              options={Array.from({ length: 11 }, (_, i) => value.year() - 5 + i).map((y) => ({
                value: y,
                label: t('common.yearSuffix', { year: y }),
              }))}
              onChange={(y) => onChange(value.year(y))}
            />
            <Select<number>
              size="small"
              aria-label={t('calendar.month')}
              value={value.month()}
              options={Array.from({ length: 12 }, (_, m) => ({
                value: m,
                label: value.month(m).format('MMM'),
              }))}
              onChange={(m) => onChange(value.month(m))}
            />
          </Space>
        )}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDate.get(current.format('YYYY-MM-DD')) ?? [];
          if (!list.length) return null;
          if (!wide) return <Badge count={list.length} size="small" color="#1d5fbf" />;
          return (
            <ul className="liaison-calendar-events">
              {list.slice(0, 3).map((e) => (
                <li key={e.uid}>
                  <Badge
                    color={TYPE_COLORS[e.type]}
                    text={
                      <span title={e.title}>
                        {e.allDay ? '' : `${dayjs(e.start).format('HH:mm')} `}
                        {e.title}
                      </span>
                    }
                  />
                </li>
              ))}
              {list.length > 3 ? <li>{t('calendar.more', { count: list.length - 3 })}</li> : null}
            </ul>
          );
        }}
        data-testid="calendar"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        <CalendarOutlined /> {selected.format('YYYY-MM-DD')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={dayEvents}
        locale={{ emptyText: t('calendar.noEvents') }}
        renderItem={(e) => <EventLine event={e} onOpen={open} />}
        data-testid="day-events"
      />
      <FeedModal open={feedOpen} onClose={() => setFeedOpen(false)} />
    </Card>
  );
}
