/**
 * Errors in Dataverse's Web API shape: `{"error":{"code":"0x…","message":"…"}}` with the HTTP
 * status Dataverse uses for that failure (powerapps-docs: compose-http-requests-handle-errors,
 * the Dataverse error code reference, api-limits).
 */
export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const errors = {
  /** 0x80060888: OData query or payload the service cannot map (unknown property, bad syntax). */
  badQuery: (message: string) => new DataverseError(400, '0x80060888', message),
  resourceNotFound: (segment: string) => new DataverseError(404, '0x80060888', `Resource not found for the segment '${segment}'.`),
  /** ObjectDoesNotExist */
  notFound: (table: string, id: string) => new DataverseError(404, '0x80040217', `${table} With Id = ${id} Does Not Exist`),
  notFoundByKey: (table: string, key: string) => new DataverseError(404, '0x80040217', `A record with the specified key values does not exist in ${table} entity`),
  /** ConcurrencyVersionMismatch */
  versionMismatch: () => new DataverseError(412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided."),
  /** DuplicateRecord */
  duplicate: (table: string) => new DataverseError(412, '0x80040237', `A record that has the attribute values ${table} already exists. The entity key requires that this set of attributes contains unique values. Select unique values and try again.`),
  alreadyExists: () => new DataverseError(412, '0x80040237', 'A record with matching key values already exists.'),
  /** Validation (length, range, required). */
  validation: (message: string) => new DataverseError(400, '0x80044331', `A validation error occurred.  ${message}`),
  invalidArgument: (message: string) => new DataverseError(400, '0x80040203', message),
  /** AggregateQueryRecordLimit: a FetchXML aggregate over more rows than its limit (50,000, or the fetch's aggregatelimit). */
  aggregateLimit: () => new DataverseError(400, '0x8004e023', 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.'),
  methodNotAllowed: (message: string) => new DataverseError(405, '0x80060888', message),
  unauthorized: () => new DataverseError(401, '0x80072560', 'The user is not authenticated. Provide a bearer token.'),
};
