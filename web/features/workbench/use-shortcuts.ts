import { useEffect, useRef } from 'react';

/**
 * Workbench keyboard shortcuts (SPEC §8.7): N next call, 1–6 outcomes, / FAQ search, Ctrl+Enter submit,
 * ? help. Letters and digits are ignored while the agent types in a text field; Ctrl+Enter always works.
 */
export interface ShortcutHandlers {
  next?: () => void;
  outcome?: (n: number) => void;
  faq?: () => void;
  submit?: () => void;
  help?: () => void;
}

const CLICKABLE_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit']);

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !CLICKABLE_INPUTS.has(target.type);
}

export function useShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && h.submit) {
        e.preventDefault();
        h.submit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if ((e.key === 'n' || e.key === 'N') && h.next) h.next();
      else if (/^[1-6]$/.test(e.key) && h.outcome) h.outcome(Number(e.key));
      else if (e.key === '/' && h.faq) {
        e.preventDefault();
        h.faq();
      } else if (e.key === '?' && h.help) h.help();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Focuses the FAQ panel's search box. */
export function focusFaqSearch() {
  const el = document.querySelector<HTMLElement>('[data-testid="faq-panel-search"]');
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  input?.focus();
  input?.select();
}
