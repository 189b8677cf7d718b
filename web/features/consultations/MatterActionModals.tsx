import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  CreateItemRequest,
  DecisionRequest,
  HoldSymposiumRequest,
  ITEM_SOURCES,
  type MatterDto,
  MinutesRequest,
  ScheduleSymposiumRequest,
} from '../../../common/schemas/consultations';
import { DateTimePicker } from '../../components/DateTimePicker';
import { FormModal } from '../../components/FormModal';
import { blankToNull, schemaRules } from '../../components/formRules';
import { consultationApi, useItemMutation, useMatterMutation } from './api';
import { useConsultationLabels } from './labels';

type ItemSource = (typeof ITEM_SOURCES)[number];

export type MatterAction = 'schedule' | 'hold' | 'minutes' | 'decide' | 'item';

/** The forms of a matter's course: symposium (schedule, hold, minutes), decision, a new suggestion. */
export function MatterActionModals({
  matter,
  action,
  isCounterpart,
  onClose,
}: {
  matter: MatterDto;
  action: MatterAction | null;
  isCounterpart: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useConsultationLabels();
  const s = matter.symposium;
  const close = onClose;
  const scheduleRules = schemaRules(ScheduleSymposiumRequest, t);
  const holdRules = schemaRules(HoldSymposiumRequest, t);
  const minutesRules = schemaRules(MinutesRequest, t);
  const decideRules = schemaRules(DecisionRequest, t);
  const itemRules = schemaRules(CreateItemRequest, t);

  const schedule = useMatterMutation((v: { scheduledAt: Dayjs; place: string }) =>
    consultationApi.schedule(matter.id, { scheduledAt: v.scheduledAt.toISOString(), place: v.place.trim() }),
  );
  const hold = useMatterMutation((v: { heldAt: Dayjs; attendees?: string; minutes?: string }) =>
    consultationApi.hold(matter.id, {
      heldAt: v.heldAt.toISOString(),
      attendees: blankToNull(v.attendees),
      minutes: blankToNull(v.minutes),
    }),
  );
  const minutes = useMatterMutation((v: { minutes: string }) =>
    consultationApi.minutes(matter.id, { minutes: v.minutes.trim() }),
  );
  const decide = useMatterMutation((v: { decidedAt: Dayjs; note?: string }) =>
    consultationApi.decide(matter.id, { decidedAt: v.decidedAt.toISOString(), note: blankToNull(v.note) }),
  );
  const addItem = useItemMutation(
    (v: { counterpartId?: number; source: ItemSource; text: string; receivedOn?: Dayjs | null }) =>
      consultationApi.addItem(matter.id, {
        counterpartId: v.counterpartId,
        source: v.source,
        text: v.text.trim(),
        receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : undefined,
      }),
  );

  const now = dayjs().second(0).millisecond(0);
  const scheduled = s.scheduledAt ? dayjs(s.scheduledAt) : null;
  const heldDefault = scheduled?.isBefore(now) ? scheduled : now;
  return (
    <>
      <FormModal<{ scheduledAt: Dayjs; place: string }>
        open={action === 'schedule'}
        title={t('consultations.schedule')}
        hint={t('consultations.scheduleHint')}
        initialValues={{
          scheduledAt: scheduled ?? now.add(1, 'day').hour(9).minute(30),
          place: s.place ?? undefined,
        }}
        onSubmit={(v) => schedule.mutateAsync(v)}
        onClose={close}
        testId="schedule-form"
      >
        <Form.Item name="scheduledAt" label={t('consultations.time')} rules={[{ required: true }]}>
          <DateTimePicker />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('consultations.place')}
          rules={scheduleRules.rules('place', t('consultations.place'))}
        >
          <Input maxLength={scheduleRules.max('place')} data-testid="schedule-place" />
        </Form.Item>
      </FormModal>
      <FormModal<{ heldAt: Dayjs; attendees?: string; minutes?: string }>
        open={action === 'hold'}
        title={t('consultations.hold')}
        initialValues={{ heldAt: heldDefault }}
        onSubmit={(v) => hold.mutateAsync(v)}
        onClose={close}
        testId="hold-form"
      >
        <Form.Item name="heldAt" label={t('consultations.heldTime')} rules={[{ required: true }]}>
          <DateTimePicker pastOnly />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('consultations.attendees')}
          rules={holdRules.rules('attendees', t('consultations.attendees'))}
        >
          <Input.TextArea rows={2} maxLength={holdRules.max('attendees')} data-testid="hold-attendees" />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('consultations.minutes')}
          rules={holdRules.rules('minutes', t('consultations.minutes'))}
        >
          <Input.TextArea rows={5} maxLength={holdRules.max('minutes')} data-testid="hold-minutes" />
        </Form.Item>
      </FormModal>
      <FormModal<{ minutes: string }>
        open={action === 'minutes'}
        title={t('consultations.recordMinutes')}
        initialValues={{ minutes: s.minutes ?? undefined }}
        onSubmit={(v) => minutes.mutateAsync(v)}
        onClose={close}
        testId="minutes-form"
      >
        <Form.Item
          name="minutes"
          label={t('consultations.minutes')}
          rules={minutesRules.rules('minutes', t('consultations.minutes'))}
        >
          <Input.TextArea rows={8} maxLength={minutesRules.max('minutes')} data-testid="minutes-text" />
        </Form.Item>
      </FormModal>
      <FormModal<{ decidedAt: Dayjs; note?: string }>
        open={action === 'decide'}
        title={t('consultations.recordDecision')}
        hint={s.status !== 'held' ? t('consultations.decideBeforeHeldWarning') : undefined}
        danger={s.status !== 'held'}
        initialValues={{ decidedAt: now }}
        onSubmit={(v) => decide.mutateAsync(v)}
        onClose={close}
        testId="decide-form"
      >
        <Form.Item name="decidedAt" label={t('consultations.decidedTime')} rules={[{ required: true }]}>
          <DateTimePicker pastOnly />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('consultations.decisionNote')}
          rules={decideRules.rules('note', t('consultations.decisionNote'))}
        >
          <Input.TextArea rows={3} maxLength={decideRules.max('note')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ counterpartId?: number; source: ItemSource; text: string; receivedOn?: Dayjs | null }>
        open={action === 'item'}
        title={isCounterpart ? t('consultations.submitSuggestion') : t('consultations.addSuggestion')}
        hint={isCounterpart ? t('consultations.submitSuggestionHint') : undefined}
        initialValues={{
          source: isCounterpart ? 'written' : 'symposium',
          counterpartId: isCounterpart ? undefined : matter.counterparts[0]?.id,
        }}
        onSubmit={(v) => addItem.mutateAsync(v)}
        onClose={close}
        testId="item-form"
      >
        {!isCounterpart ? (
          <Form.Item name="counterpartId" label={t('consultations.author')} rules={[{ required: true }]}>
            <Select options={matter.counterparts.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="source"
          label={t('consultations.source')}
          rules={itemRules.rules('source', t('consultations.source'))}
        >
          <Select
            disabled={isCounterpart}
            options={ITEM_SOURCES.map((x) => ({ value: x, label: labels.source(x) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('consultations.suggestionText')}
          rules={itemRules.rules('text', t('consultations.suggestionText'))}
        >
          <Input.TextArea rows={6} maxLength={itemRules.max('text')} data-testid="item-text" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('consultations.receivedOn')}
          extra={t('consultations.receivedOnHint')}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
