// Entry point of the Functions app: loading each trigger file registers it.
import './triggers/dataverse-webhook';
import './triggers/provider-callback';
import './triggers/health';
import './triggers/campaign-steps';
import './triggers/campaign-poison';
import './triggers/campaign-status-timer';

export { registrations } from './registry';
