import type { DynamicsWebApi } from 'dynamics-web-api';
import type { RegistrationApi } from './registration';

/** Entity sets of the tables registration writes. */
const SETS: Record<string, string> = {
  serviceendpoint: 'serviceendpoints',
  sdkmessage: 'sdkmessages',
  sdkmessageprocessingstep: 'sdkmessageprocessingsteps',
  environmentvariabledefinition: 'environmentvariabledefinitions',
  environmentvariablevalue: 'environmentvariablevalues',
};

function setOf(table: string): string {
  const set = SETS[table];
  if (!set) throw new Error(`registration: no entity set known for table "${table}".`);
  return set;
}

/** Registration over dynamics-web-api (the command line, with an application user's token). */
export function registrationApiFromDynamicsWebApi(api: DynamicsWebApi): RegistrationApi {
  return {
    async query(table, options) {
      const response = await api.retrieveMultiple<Record<string, unknown>>({
        collection: setOf(table),
        select: options.select,
        filter: options.filter,
        ...(options.expand ? { expand: [{ property: options.expand.property, select: options.expand.select }] } : {}),
      });
      return response.value;
    },
    async create(table, data) {
      return api.create<Record<string, unknown>, string>({ collection: setOf(table), data });
    },
    async update(table, id, data) {
      await api.update({ collection: setOf(table), key: id, data });
    },
  };
}
