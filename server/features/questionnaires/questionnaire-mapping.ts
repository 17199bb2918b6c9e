import {
  LocalText,
  LongText,
  Option,
  Scale,
  ShowIf,
  VersionContent,
  type Version,
  type VersionSummary,
} from '../../../core/contracts/questionnaires';
import { validateContent } from '../../../core/rules/questionnaire-validate';
import type { findContentRows, VersionRow } from './questionnaires.queries';

/** Database rows ↔ the contract types. */

type ContentRows = Awaited<ReturnType<typeof findContentRows>>;
type SummaryRow = Omit<VersionRow, 'templateCode'>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toSummary(r: SummaryRow): VersionSummary {
  return {
    id: r.id,
    versionNo: r.versionNo,
    status: r.status as VersionSummary['status'],
    name: { zh: r.nameZh, en: r.nameEn },
    approvedAt: iso(r.approvedAt),
    approvedByName: r.approvedByName,
    publishedAt: iso(r.publishedAt),
    retiredAt: iso(r.retiredAt),
    updatedAt: iso(r.updatedAt) as string,
  };
}

export function toContent(r: SummaryRow, [factors, questions]: ContentRows): VersionContent {
  return VersionContent.parse({
    name: { zh: r.nameZh, en: r.nameEn },
    description: LongText.parse(r.description),
    businessLine: r.businessLine,
    channel: r.channel,
    formNumber: r.formNumber,
    instructions: LongText.parse(r.instructions),
    factorSet: r.factorSet,
    factors: factors.map((f) => ({ code: f.code, name: { zh: f.nameZh, en: f.nameEn }, weight: Number(f.weight) })),
    questions: questions.map((q) => ({
      key: q.key,
      type: q.type,
      text: { zh: q.textZh, en: q.textEn },
      section: q.section === null ? null : LocalText.parse(q.section),
      mandatory: q.mandatory,
      factor: q.factorCode,
      weight: Number(q.weight),
      keyFactor: q.keyFactor,
      allowNa: q.allowNa,
      scale: q.scale === null ? null : Scale.parse(q.scale),
      options: Option.array().parse(q.options),
      yesIsGood: q.yesIsGood,
      showIf: q.showIf === null ? null : ShowIf.parse(q.showIf),
    })),
  });
}

export function toVersion(r: VersionRow, rows: ContentRows): Version {
  const content = toContent(r, rows);
  return {
    ...toSummary(r),
    dealerId: r.dealerId,
    templateId: r.templateId,
    templateCode: r.templateCode,
    basedOnVersionId: r.basedOnVersionId,
    createdAt: iso(r.createdAt) as string,
    content,
    issues: validateContent(content),
  };
}
