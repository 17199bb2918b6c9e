import { z } from 'zod';
import { neverAskFound } from '../rules/call-script';
import { Uuid } from './common';

/**
 * The agent workbench (SPEC §8.7): what one screen needs besides the callback task itself — the order
 * followed up in full, the call script with its placeholders filled (§7.6, §4.11, §4.1), and today's
 * remaining queue. Call scripts are per-dealer configuration with a preset.
 */

export const ScriptLine = z.enum(['after_sales', 'sales']);
export type ScriptLine = z.infer<typeof ScriptLine>;

export const RenderedScript = z.object({
  greeting: z.string(),
  identityCheck: z.string(),
  closing: z.string(),
  hints: z.array(z.string()),
});

export const WorkbenchContext = z.object({
  taskId: Uuid,
  line: ScriptLine,
  dealerName: z.string(),
  agentName: z.string(),
  /** How the script addresses the customer (先生 / 女士 / 先生/女士): the call is in Chinese whatever the UI language. */
  customerTitle: z.string(),
  /** The customer's gender as stored, for the UI's own honorific; null when unknown. */
  customerGender: z.enum(['male', 'female']).nullable(),
  order: z
    .object({
      kind: z.enum(['repair_order', 'sale']),
      number: z.string().nullable(),
      /** Settlement date (repair order) or purchase date (sale). */
      date: z.string().nullable(),
      /** Pick-up (repair order) or delivery (sale) date. */
      deliveryDate: z.string().nullable(),
      repairType: z.string().nullable(),
      /** Yuan. */
      amount: z.number().nullable(),
      mileageKm: z.number().nullable(),
      staffName: z.string().nullable(),
      saleType: z.string().nullable(),
      model: z.string().nullable(),
    })
    .nullable(),
  script: RenderedScript,
});
export type WorkbenchContext = z.infer<typeof WorkbenchContext>;

export const WorkbenchToday = z.object({
  /** Open tasks due by today that this agent may take (unassigned or theirs, not held by someone else). */
  remaining: z.number().int(),
});

// eslint-disable-next-line no-control-regex -- exactly the control characters a script text must not carry
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Multi-line text (line breaks allowed), trimmed and bounded. */
const Para = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v), 'must not contain control characters');

const noNeverAsk = (text: string) => neverAskFound(text).length === 0;

/** A dealer's script for one business line; the greeting, identity check and closing never ask a forbidden question. */
export const CallScriptInput = z
  .object({
    greeting: Para(2000).min(1).refine(noNeverAsk, { message: 'SPEC §7.4: never ask "车辆还有什么问题"' }),
    identityCheck: Para(1000).refine(noNeverAsk, { message: 'SPEC §7.4: never ask "车辆还有什么问题"' }),
    closing: Para(1000).refine(noNeverAsk, { message: 'SPEC §7.4: never ask "车辆还有什么问题"' }),
    hints: z.array(Para(300).min(1)).max(20),
  })
  .strict();
export type CallScriptInput = z.infer<typeof CallScriptInput>;

export const CallScript = CallScriptInput.extend({
  line: ScriptLine,
  /** True while the dealer uses the preset (no saved script). */
  preset: z.boolean(),
  updatedAt: z.string().nullable(),
});
export const CallScriptList = z.object({ items: z.array(CallScript) });
export const ScriptLineParams = z.object({ line: ScriptLine }).strict();
