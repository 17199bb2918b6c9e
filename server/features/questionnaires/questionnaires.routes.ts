import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NoBody, Ok } from '../../../core/contracts/common';
import {
  CreateQuestionnaireRequest,
  ImportRequest,
  ImportResult,
  PresetList,
  Questionnaire,
  QuestionnaireList,
  QuestionnaireSettings,
  SurveyJsJson,
  ValidationResult,
  Version,
  VersionContent,
} from '../../../core/contracts/questionnaires';
import type { Actor } from '../../http/actor';
import * as life from './lifecycle.service';
import * as svc from './questionnaires.service';
import * as xchg from './interchange.service';
import { responsesRoutes } from './responses.routes';

const tags = ['questionnaires'];

/** Questionnaire templates, versions and their lifecycle (SPEC §3.7, §8.5). */
export function questionnairesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.manyi.database.db;
  const actorOf = (req: FastifyRequest) => req.actor as Actor;
  const read = { access: 'questionnaires:read' } as const;
  const manage = { access: 'questionnaires:manage' } as const;
  const versionOp = (
    path: string,
    summary: string,
    access: 'questionnaires:manage' | 'questionnaires:approve',
    run: (a: Actor, id: string) => Promise<Version>,
  ) =>
    r.post(
      `/api/questionnaire-versions/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body: NoBody, response: { 200: Version } }, config: { access } },
      async (req) => run(actorOf(req), req.params.id),
    );

  r.get(
    '/api/questionnaire-presets',
    {
      schema: { tags, summary: 'Questionnaires and factor sets shipped with Manyi', response: { 200: PresetList } },
      config: read,
    },
    async () => xchg.listPresets(),
  );
  r.get(
    '/api/questionnaires',
    {
      schema: { tags, summary: 'Questionnaires of the current dealer', response: { 200: QuestionnaireList } },
      config: read,
    },
    async (req) => svc.listQuestionnaires(db, actorOf(req)),
  );
  r.post(
    '/api/questionnaires',
    {
      schema: {
        tags,
        summary: 'New questionnaire (copy of a preset, or your own content): version 1 is a draft',
        body: CreateQuestionnaireRequest,
        response: { 201: ImportResult.omit({ unsupported: true }) },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createQuestionnaire(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'One questionnaire with its versions',
        params: IdParams,
        response: { 200: Questionnaire },
      },
      config: read,
    },
    async (req) => svc.getQuestionnaire(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/questionnaires/:id/versions',
    {
      schema: {
        tags,
        summary: 'New draft version copied from the latest one (editing a published questionnaire)',
        params: IdParams,
        body: NoBody,
        response: { 201: Version },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.newVersion(db, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/questionnaires/import',
    {
      schema: {
        tags,
        summary: 'Import a SurveyJS form as a new draft; unsupported constructs are listed',
        body: ImportRequest,
        response: { 201: ImportResult },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await xchg.importSurveyJs(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/questionnaire-versions/:id',
    {
      schema: {
        tags,
        summary: 'One version with its content and validation',
        params: IdParams,
        response: { 200: Version },
      },
      config: read,
    },
    async (req) => svc.getVersion(db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/questionnaire-versions/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft (any other status answers 409)',
        params: IdParams,
        body: VersionContent,
        response: { 200: Version },
      },
      config: manage,
    },
    async (req) => svc.saveDraft(db, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/questionnaire-versions/:id',
    {
      schema: { tags, summary: 'Delete a draft', params: IdParams, body: NoBody, response: { 200: Ok } },
      config: manage,
    },
    async (req) => {
      await svc.deleteDraft(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/questionnaire-versions/:id/surveyjs',
    {
      schema: { tags, summary: 'Export as SurveyJS form JSON', params: IdParams, response: { 200: SurveyJsJson } },
      config: read,
    },
    async (req) => xchg.exportSurveyJs(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/questionnaire-versions/:id/validate',
    {
      schema: {
        tags,
        summary: 'Check a version (errors block approval)',
        params: IdParams,
        body: NoBody,
        response: { 200: ValidationResult },
      },
      config: read,
    },
    async (req) => life.validateVersion(db, actorOf(req), req.params.id),
  );
  versionOp(
    'approve',
    'Sign off a draft (SPEC §8.5); the approver roles are per-dealer settings',
    'questionnaires:approve',
    (a, id) => life.approveVersion(db, a, id),
  );
  versionOp(
    'publish',
    'Publish an approved version (retires the previously published one)',
    'questionnaires:manage',
    (a, id) => life.publishVersion(db, a, id),
  );
  versionOp('retire', 'Retire an approved or published version', 'questionnaires:manage', (a, id) =>
    life.retireVersion(db, a, id),
  );
  r.get(
    '/api/questionnaire-settings',
    {
      schema: {
        tags,
        summary: 'Who approves questionnaires at the current dealer',
        response: { 200: QuestionnaireSettings },
      },
      config: read,
    },
    async (req) => life.readSettings(db, actorOf(req)),
  );
  r.put(
    '/api/questionnaire-settings',
    {
      schema: {
        tags,
        summary: 'Set the approver roles of the current dealer',
        body: QuestionnaireSettings,
        response: { 200: QuestionnaireSettings },
      },
      config: { access: 'questionnaires:configure' },
    },
    async (req) => life.updateSettings(db, actorOf(req), req.body),
  );
  responsesRoutes(app);
}
