// Entry point of the Functions app: loading each trigger file registers it.
import './triggers/dataverse-webhook';
import './triggers/provider-callback';
import './triggers/health';

export { registrations } from './registry';
