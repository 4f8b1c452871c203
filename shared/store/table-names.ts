/** Every table of one deployment shares a prefix, so two local platforms or stages never collide. */
export type TableNaming = { prefix: string };

export const controlPlaneTable = (n: TableNaming) => `${n.prefix}control-plane`;
export const tenantTable = (n: TableNaming, tenantId: string) => `${n.prefix}tenant-${tenantId}`;

/** The tenant a table belongs to, from its name (a stream record names only its table). */
export const tenantOfTable = (n: TableNaming, table: string): string | undefined =>
  table.startsWith(`${n.prefix}tenant-`) ? table.slice(`${n.prefix}tenant-`.length) : undefined;
