import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintItem, PenaltyItem } from '../../api/complaints';

const LEVEL_COLOR = { grumble: 'gold', complaint: 'orange', major: 'red' } as const;
const STATUS_COLOR = {
  open: 'blue',
  in_handling: 'processing',
  under_appeal: 'purple',
  replied: 'cyan',
  checked: 'green',
  void: 'default',
} as const;
const PENALTY_COLOR = { proposed: 'gold', approved: 'red', rejected: 'default', void: 'default' } as const;

/** 抱怨 / 投诉 / 重大投诉 (SPEC §1.3, 注1–注3). */
export function LevelTag({ level }: { level: ComplaintItem['level'] }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOR[level]}>{t(`complaints.levels.${level}`)}</Tag>;
}

export function StatusTag({ status }: { status: ComplaintItem['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`complaints.statuses.${status}`)}</Tag>;
}

export function PenaltyStatusTag({ status }: { status: PenaltyItem['status'] }) {
  const { t } = useTranslation();
  return <Tag color={PENALTY_COLOR[status]}>{t(`complaints.penalties.statuses.${status}`)}</Tag>;
}

/** '50 元' / '¥50' from fen. */
export const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
