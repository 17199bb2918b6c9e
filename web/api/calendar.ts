import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { CalendarPreview, CalendarSettings, PutCalendarRequest } from '../../core/contracts/calendar';
import { api } from './client';

export type CalendarSettingsData = z.infer<typeof CalendarSettings>;
export type CalendarInput = z.input<typeof PutCalendarRequest>;
export type CalendarPreviewData = z.infer<typeof CalendarPreview>;

const calendarKey = ['calendar'] as const;

export function useCalendar() {
  return useQuery({
    queryKey: [...calendarKey, 'settings'],
    queryFn: () => api.get('/calendar/overrides', { schema: CalendarSettings }),
  });
}

export function useSaveCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarInput) => api.put('/calendar/overrides', input, { schema: CalendarSettings }),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useCalendarPreview(from: string, workingDays: number) {
  return useQuery({
    queryKey: [...calendarKey, 'preview', from, workingDays],
    queryFn: () => api.get('/calendar/preview', { query: { from, workingDays }, schema: CalendarPreview }),
    placeholderData: keepPreviousData,
  });
}
