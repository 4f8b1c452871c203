/**
 * The zone each preset's days are counted in by law. A deadline is "the end of the 15th day" where
 * the rule applies: counted in another zone it ends hours early or late and can fall on another day
 * (a cn-nfra-2020 tenant on UTC would end 8 h late; on America/New_York a day late). Where a rule
 * spans several legal zones (PSD2 across the EEA, the CFPB process across the United States) the
 * institution's own zone among them is the right one, so every zone of that territory is allowed.
 */
import type { SlaPolicyId } from './policy-schema';

export type LegalTimeZones = { zones: readonly string[]; rule: string };

const EEA_ZONES = [
  'Europe/Vienna',
  'Europe/Brussels',
  'Europe/Sofia',
  'Europe/Zagreb',
  'Asia/Nicosia',
  'Europe/Nicosia',
  'Asia/Famagusta',
  'Europe/Prague',
  'Europe/Copenhagen',
  'Europe/Tallinn',
  'Europe/Helsinki',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Budapest',
  'Europe/Dublin',
  'Europe/Rome',
  'Europe/Riga',
  'Europe/Vilnius',
  'Europe/Luxembourg',
  'Europe/Malta',
  'Europe/Amsterdam',
  'Europe/Warsaw',
  'Europe/Lisbon',
  'Atlantic/Madeira',
  'Atlantic/Azores',
  'Europe/Bucharest',
  'Europe/Bratislava',
  'Europe/Ljubljana',
  'Europe/Madrid',
  'Atlantic/Canary',
  'Africa/Ceuta',
  'Europe/Stockholm',
  // EEA states outside the EU, where PSD2 applies as well.
  'Atlantic/Reykjavik',
  'Europe/Oslo',
  'Europe/Vaduz',
];

const US_ZONES = [
  'America/New_York',
  'America/Detroit',
  'America/Kentucky/Louisville',
  'America/Kentucky/Monticello',
  'America/Indiana/Indianapolis',
  'America/Indiana/Vincennes',
  'America/Indiana/Winamac',
  'America/Indiana/Marengo',
  'America/Indiana/Petersburg',
  'America/Indiana/Vevay',
  'America/Chicago',
  'America/Indiana/Tell_City',
  'America/Indiana/Knox',
  'America/Menominee',
  'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem',
  'America/North_Dakota/Beulah',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'America/St_Thomas',
  'Pacific/Guam',
  'Pacific/Saipan',
  'Pacific/Pago_Pago',
];

export const LEGAL_TIME_ZONES: Readonly<Record<SlaPolicyId, LegalTimeZones>> = {
  'cn-nfra-2020': {
    zones: ['Asia/Shanghai'],
    rule: 'China has one legal time, Beijing time (UTC+8), in every province: the zone is Asia/Shanghai',
  },
  'uk-fca-disp': {
    zones: ['Europe/London'],
    rule: 'DISP periods run in UK time (GMT/BST): the zone is Europe/London',
  },
  'eu-psd2': {
    zones: EEA_ZONES,
    rule: "PSD2 business days are the payment service provider's own: the zone of an EEA member state",
  },
  'us-cfpb': {
    zones: US_ZONES,
    rule: "the company's own zone, one of the United States and its territories",
  },
};
