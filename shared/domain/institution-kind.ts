import { z } from 'zod';

/** What an institution is: it chooses the complaint taxonomy, and the regulator's figures group by it. */
export const InstitutionKindSchema = z.enum(['bank', 'insurer']);
export type InstitutionKind = z.infer<typeof InstitutionKindSchema>;
