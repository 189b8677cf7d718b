import { useQueryClient } from '@tanstack/react-query';
import type { LedgerRecordDto } from '../../../common/schemas/ledger';
import { AttachmentList } from '../../components/AttachmentList';
import { ledgerKeys } from './api';

export { formatSize } from '../../components/AttachmentList';

/** A ledger record's files (the shared AttachmentList). */
export function Attachments({ record }: { record: LedgerRecordDto }) {
  const queryClient = useQueryClient();
  return (
    <AttachmentList
      baseUrl={`/api/v1/ledger/${record.id}/attachments`}
      files={record.attachments}
      canAttach={record.abilities.canAttach}
      onChanged={() => {
        void queryClient.invalidateQueries({ queryKey: ledgerKeys.record(record.id) });
        void queryClient.invalidateQueries({ queryKey: ['ledger', 'list'] });
      }}
    />
  );
}
