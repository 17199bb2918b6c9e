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
  change?: { field: string; from: string | null; to: string | null; hidden: boolean };
}

/** How the viewer may see one history value: the value (masked as needed), or undefined when hidden. */
export type ShowChange = (field: string, value: string | null) => string | null | undefined;

/** History rows that repeat another one (the ID number's hash and last 4 go with its cipher; consent
 *  evidence with the consent flag). */
const REPEATS = new Set(['id_card_hash', 'id_card_last4', 'service_consent', 'marketing_consent']);

function changeItem(c: Selectable<CustomerChanges>, on: string, show: ShowChange): TimelineItem {
  const field = c.field === 'id_card_cipher' ? 'id_card' : c.field;
  const from = show(field, c.oldValue);
  const to = show(field, c.newValue);
  const hidden = from === undefined || to === undefined;
  return {
    on,
    type: 'change',
    title: field,
    refId: null,
    detail: c.source,
    change: { field, from: hidden ? null : (from ?? null), to: hidden ? null : (to ?? null), hidden },
  };
}

/** The customer's history, newest first: repair orders, purchases, deliveries and data changes. */
export function buildTimeline(
  ros: Selectable<RepairOrders>[],
  sales: Selectable<Sales>[],
  changes: Selectable<CustomerChanges>[],
  timeZone: string,
  show: ShowChange,
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
    ...changes.filter((c) => !REPEATS.has(c.field)).map((c) => changeItem(c, localDay(c.changedAt), show)),
  ];
  return items.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
}
