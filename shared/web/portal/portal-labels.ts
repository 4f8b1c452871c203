import type { ComplaintStatus } from '../../domain/complaint/status';
import type { EventType } from '../../domain/events/event-schema';
import { labelled } from '../../domain/kpi/labels';
import type { InstitutionKind, TaxonomyAxis } from '../../domain/taxonomy';
import { EVENT_LABELS, labelOf, STATUS_LABELS } from '../i18n/lifecycle-labels';
import type { Locale, Text } from '../i18n/locale';

const DEADLINE: Record<string, Text> = {
  acknowledgement: { 'zh-CN': '确认受理期限', en: 'Acknowledgement due' },
  decision: { 'zh-CN': '办结期限', en: 'Decision due' },
  originalDecision: { 'zh-CN': '原办结期限', en: 'Original decision deadline' },
  reviewRequest: { 'zh-CN': '复核申请截止', en: 'Review requests until' },
  reviewDecision: { 'zh-CN': '复核决定期限', en: 'Review decision due' },
};

export const statusLabel = (s: ComplaintStatus, l: Locale) => STATUS_LABELS[s][l];
export const eventLabel = (t: EventType, l: Locale) => labelOf(EVENT_LABELS, t, l);
export const deadlineLabel = (name: string, l: Locale) => DEADLINE[name]?.[l] ?? name;
export const STATUSES = Object.keys(STATUS_LABELS) as ComplaintStatus[];

/** A taxonomy code in the page's language (the code itself where the taxonomy has no label). */
export const codeLabel = (kind: InstitutionKind, axis: TaxonomyAxis, code: string, l: Locale) =>
  labelled(kind, axis, code).label[l];
