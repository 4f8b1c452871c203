import type { AppEnv } from '../http/env';
import type { Locale } from './i18n/locale';
import type { Session } from './session';

export type NavItem = { href: string; label: string; current?: boolean };

/** What every page of a request needs to render its frame. */
export type PageFrame = {
  prefix: string;
  locale: Locale;
  assetVersion: string;
  /** The request's path and query, to come back to after a language switch. */
  here: string;
  nav: (frame: PageFrame, session: Session | undefined) => NavItem[];
  /** The signed-in user's institution by name, once a surface has read it (the console does). */
  institution?: string | undefined;
};

export type WebEnv = {
  Variables: AppEnv['Variables'] & {
    /** Absent only on the sign-in pages. */
    session: Session;
    frame: PageFrame;
  };
};
