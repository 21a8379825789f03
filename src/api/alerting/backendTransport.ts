/** The alerting provisioning API from inside Grafana: requests through its backend service. */
import { apiRequest } from '../backend';
import { AlertingRequest, AlertingTransport } from './notificationProvisioning';

export const backendAlertingTransport: AlertingTransport = <T>(request: AlertingRequest) => apiRequest<T>(request);
