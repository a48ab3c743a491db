/**
 * Dataverse's RemoteExecutionContext as a webhook receives it (DataContract JSON): parameter
 * collections are arrays of { key, value }, typed values carry "__type", dates are "/Date(ms)/".
 */
export interface EntityReference {
  logicalName: string;
  id: string;
  name?: string | null;
}

export interface WebhookContext {
  messageName: string;
  primaryEntityName: string;
  primaryEntityId: string;
  initiatingUserId: string | undefined;
  userId: string | undefined;
  organizationId: string | undefined;
  correlationId: string | undefined;
  depth: number;
  stage: number;
  /** 0 synchronous, 1 asynchronous. */
  mode: number;
  inputs: Record<string, unknown>;
  /** Target entity attributes for Create/Update. */
  target: Record<string, unknown> | undefined;
  postImage: Record<string, unknown> | undefined;
}

type KeyValues = Array<{ key: string; value: unknown }>;

/** Converts DataContract values to plain ones: references, option sets, money, dates. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    const date = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
    return date ? new Date(Number(date[1])) : value;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  const type = typeof v.__type === 'string' ? v.__type.split(':')[0] : undefined;
  if (type === 'EntityReference' || ('LogicalName' in v && 'Id' in v && !('Attributes' in v))) {
    return { logicalName: String(v.LogicalName), id: String(v.Id).toLowerCase(), name: (v.Name as string | null | undefined) ?? null } satisfies EntityReference;
  }
  if (type === 'OptionSetValue' || type === 'Money') return v.Value;
  if (type === 'Entity' || 'Attributes' in v) return entityAttributes(v);
  if (type === 'EntityCollection') return ((v.Entities as unknown[]) ?? []).map(plainValue);
  return v;
}

function entityAttributes(entity: Record<string, unknown>): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const { key, value } of (entity.Attributes as KeyValues | undefined) ?? []) attributes[key] = plainValue(value);
  if (typeof entity.Id === 'string') attributes.__id = entity.Id.toLowerCase();
  if (typeof entity.LogicalName === 'string') attributes.__logicalName = entity.LogicalName;
  return attributes;
}

function collection(value: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (Array.isArray(value)) {
    for (const item of value as KeyValues) {
      if (item && typeof item.key === 'string') result[item.key] = plainValue(item.value);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) result[k] = plainValue(v);
  }
  return result;
}

export class InvalidContextError extends Error {}

export function parseWebhookContext(body: unknown): WebhookContext {
  if (!body || typeof body !== 'object') throw new InvalidContextError('The body is not a RemoteExecutionContext (JSON object expected).');
  const b = body as Record<string, unknown>;
  if (typeof b.MessageName !== 'string' || !b.MessageName) throw new InvalidContextError('The RemoteExecutionContext has no MessageName.');
  const inputs = collection(b.InputParameters);
  const images = collection(b.PostEntityImages);
  const firstImage = Object.values(images)[0];
  const target = inputs.Target;
  return {
    messageName: b.MessageName,
    primaryEntityName: String(b.PrimaryEntityName ?? 'none'),
    primaryEntityId: String(b.PrimaryEntityId ?? '').toLowerCase(),
    initiatingUserId: typeof b.InitiatingUserId === 'string' ? b.InitiatingUserId.toLowerCase() : undefined,
    userId: typeof b.UserId === 'string' ? b.UserId.toLowerCase() : undefined,
    organizationId: typeof b.OrganizationId === 'string' ? b.OrganizationId : undefined,
    correlationId: typeof b.CorrelationId === 'string' ? b.CorrelationId : undefined,
    depth: Number(b.Depth ?? 1),
    stage: Number(b.Stage ?? 0),
    mode: Number(b.Mode ?? 0),
    inputs,
    target: isEntityAttributes(target) ? target : undefined,
    postImage: firstImage && typeof firstImage === 'object' ? (firstImage as Record<string, unknown>) : undefined,
  };
}

function isEntityAttributes(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && '__logicalName' in value;
}

export function isEntityReference(value: unknown): value is EntityReference {
  return !!value && typeof value === 'object' && !('__logicalName' in value) && typeof (value as EntityReference).logicalName === 'string' && typeof (value as EntityReference).id === 'string';
}
