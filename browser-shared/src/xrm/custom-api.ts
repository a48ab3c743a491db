/**
 * Requests for `Xrm.WebApi.online.execute`. Its `getMetadata` says how the client serialises the
 * call: operationType 0 is an action (all our Custom APIs are actions), boundParameter "entity"
 * with the `entity` property set to the row for entity-bound APIs, null for global ones;
 * structuralProperty 1 is a primitive, 5 an entity type (the bound row and EntityReference inputs).
 */
import type { CustomApiCall, CustomApiParameter } from './ports';

const PRIMITIVE = 1;
const ENTITY_TYPE = 5;
const ACTION = 0;

interface ParameterType {
  typeName: string;
  structuralProperty: number;
}

export interface ExecuteRequest {
  [parameter: string]: unknown;
  getMetadata(): {
    boundParameter: 'entity' | null;
    operationName: string;
    operationType: number;
    parameterTypes: Record<string, ParameterType>;
  };
}

function parameterType(parameter: CustomApiParameter): ParameterType {
  switch (parameter.type) {
    case 'String':
      return { typeName: 'Edm.String', structuralProperty: PRIMITIVE };
    case 'Integer':
      return { typeName: 'Edm.Int32', structuralProperty: PRIMITIVE };
    case 'DateTime':
      return { typeName: 'Edm.DateTimeOffset', structuralProperty: PRIMITIVE };
    case 'EntityReference':
      return { typeName: `mscrm.${parameter.value.entityType}`, structuralProperty: ENTITY_TYPE };
  }
}

export function executeRequest(call: CustomApiCall): ExecuteRequest {
  const parameterTypes: Record<string, ParameterType> = {};
  const request: Record<string, unknown> = {};
  if (call.target) {
    parameterTypes.entity = { typeName: `mscrm.${call.target.entityType}`, structuralProperty: ENTITY_TYPE };
    request.entity = { entityType: call.target.entityType, id: bareId(call.target.id) };
  }
  for (const [name, parameter] of Object.entries(call.parameters ?? {})) {
    parameterTypes[name] = parameterType(parameter);
    request[name] = parameter.type === 'EntityReference' ? { entityType: parameter.value.entityType, id: bareId(parameter.value.id) } : parameter.value;
  }
  const metadata = {
    boundParameter: call.target ? ('entity' as const) : null,
    operationName: call.name,
    operationType: ACTION,
    parameterTypes,
  };
  return Object.assign(request, { getMetadata: () => metadata });
}

/** Form APIs give ids as `{GUID}`; the Web API wants them bare and lower-case. */
export function bareId(id: string): string {
  return id.replace(/[{}]/g, '').toLowerCase();
}
