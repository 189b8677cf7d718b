import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ConferenceResponse,
  CreateJobRequest,
  CreateJobResponse,
  JobDto,
} from '../../../common/schemas/reports';
import { api, checked } from '../../api/client';

export const conferenceKeys = {
  all: ['conference'] as const,
  year: (year: number) => ['conference', year] as const,
};

export const jobKeys = {
  all: ['jobs'] as const,
  one: (id: string | null) => ['jobs', id] as const,
};

/** A year's conference view; `keepPrevious` keeps the last year on screen while another loads. */
export function useConference(year: number, keepPrevious = false) {
  return useQuery({
    queryKey: conferenceKeys.year(year),
    queryFn: () => api.get(`/api/v1/conference/${year}`, ConferenceResponse),
    placeholderData: keepPrevious ? (previous: ConferenceResponse | undefined) => previous : undefined,
  });
}

/** A pack job, polled every 0.8 s until it is done or failed. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: jobKeys.one(id),
    queryFn: () => api.get(`/api/v1/jobs/${id}`, JobDto),
    enabled: id !== null,
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 800,
  });
}

/** Starts a pack job (the .docx / .xlsx of a year); `onStarted` gets the job's id. */
export function useStartJob(onStarted: (id: string) => void) {
  return useMutation({
    mutationFn: (body: CreateJobRequest) => conferenceApi.startJob(body),
    onSuccess: (r) => onStarted(r.id),
  });
}

/** The conference's one write; its body is the shared request type, checked before it is sent. */
export const conferenceApi = {
  startJob: async (body: CreateJobRequest) =>
    api.post('/api/v1/jobs', checked(CreateJobRequest, body), CreateJobResponse),
};
