import type { Selectable } from 'kysely';
import type { CustomerChanges, RepairOrders, Sales } from '../../db/tables';

/** A `date` column as YYYY-MM-DD (the drivers give strings; a Date only from hand-made rows). */
export const day = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);
const yuan = (fen: number | string | null) => (fen === null ? null : `¥${(Number(fen) / 100).toFixed(2)}`);

export interface TimelineItem {
  on: string;
  type: 'repair_order' | 'sale' | 'delivery' | 'correction' | 'change';
  title: string;
  detail: string | null;
  refId: string | null;
}

/** The customer's history, newest first: repair orders, purchases, deliveries and data changes. */
export function buildTimeline(
  ros: Selectable<RepairOrders>[],
  sales: Selectable<Sales>[],
  changes: Selectable<CustomerChanges>[],
  timeZone: string,
): TimelineItem[] {
  // A change's date is the dealer's local date (sv-SE formats as YYYY-MM-DD).
  const localDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone });
  const items: TimelineItem[] = [
    ...ros.map((r) => ({
      on: day(r.settledOn) ?? '',
      type: 'repair_order' as const,
      title: r.roNumber,
      refId: r.id,
      detail:
        [r.repairType, r.advisorName, yuan(r.amountFen), r.mileageKm === null ? null : `${r.mileageKm} km`]
          .filter(Boolean)
          .join(' · ') || null,
    })),
    ...sales.map((s) => ({
      on: day(s.saleDate) ?? '',
      type: 'sale' as const,
      title: s.vin,
      refId: s.id,
      detail: [s.consultantName, yuan(s.sellingPriceFen)].filter(Boolean).join(' · ') || null,
    })),
    ...sales
      .filter((s) => s.deliveryDate)
      .map((s) => ({
        on: day(s.deliveryDate) ?? '',
        type: 'delivery' as const,
        title: s.vin,
        refId: s.id,
        detail: s.consultantName,
      })),
    ...changes.map((c) => ({
      on: localDay(c.changedAt),
      type: 'change' as const,
      title: c.field,
      refId: null,
      detail: `${c.source ?? ''}` || null,
    })),
  ];
  return items.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
}
