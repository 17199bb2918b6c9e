/**
 * Every module that registers job handlers (`registerJob`), imported once by the worker so that a job
 * enqueued by any instance finds its handler. Add one import line per feature `*.jobs.ts`.
 */
import '../features/notifications/notifications.jobs';
import '../features/survey-links/survey-links.jobs';
import '../features/cases/cases.jobs';
import '../features/complaints/complaints.jobs';
import '../features/hotline/hotline.jobs';
import '../features/reports/reports.jobs';
