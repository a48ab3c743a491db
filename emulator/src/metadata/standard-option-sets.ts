/**
 * Global choices every Dataverse environment has, which solutions reference without shipping
 * (an exported custom activity's inherited columns point at them).
 */
import { stableId } from '../util/ids';
import { label, type GlobalOptionSetDef, type OptionDef } from './model';

const option = (value: number, en: string, fr: string): OptionDef => ({ value, label: label(en, fr) });

function set(name: string, type: GlobalOptionSetDef['type'], en: string, fr: string, options: OptionDef[]): GlobalOptionSetDef {
  return { name, type, label: label(en, fr), options, metadataId: stableId(`optionset:${name}`) };
}

export const STANDARD_OPTION_SETS: GlobalOptionSetDef[] = [
  set('activitypointer_activitytypecode', 'Picklist', 'Activity Type', "Type d'activité", [
    option(4201, 'Appointment', 'Rendez-vous'),
    option(4202, 'Email', 'Courrier électronique'),
    option(4204, 'Fax', 'Télécopie'),
    option(4207, 'Letter', 'Lettre'),
    option(4210, 'Phone Call', 'Appel téléphonique'),
    option(4212, 'Task', 'Tâche'),
    option(4214, 'Service Activity', 'Activité de service'),
    option(4251, 'Recurring Appointment', 'Rendez-vous périodique'),
  ]),
  set('activitypointer_deliveryprioritycode', 'Picklist', 'Delivery Priority', 'Priorité de remise', [option(0, 'Low', 'Faible'), option(1, 'Normal', 'Normale'), option(2, 'High', 'Élevée')]),
  set('activitypointer_isregularactivity', 'Boolean', 'Is Regular Activity', 'Est une activité standard', [option(1, 'Yes', 'Oui'), option(0, 'No', 'Non')]),
  set('socialprofile_community', 'Picklist', 'Social Channel', 'Canal social', [
    option(0, 'Other', 'Autre'),
    option(1, 'Facebook', 'Facebook'),
    option(2, 'Twitter', 'Twitter'),
    option(5, 'Cortana', 'Cortana'),
    option(6, 'Direct Line', 'Direct Line'),
    option(8, 'Microsoft Teams', 'Microsoft Teams'),
  ]),
];
