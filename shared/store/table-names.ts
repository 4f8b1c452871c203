/** Every table of one deployment shares a prefix, so two local platforms or stages never collide. */
export type TableNaming = { prefix: string };

export const controlPlaneTable = (n: TableNaming) => `${n.prefix}control-plane`;
export const tenantTable = (n: TableNaming, tenantId: string) => `${n.prefix}tenant-${tenantId}`;
