// SMS Connector backend on Azure: Function App (Node 20, Linux consumption) with a
// system-assigned managed identity, Storage (queues for campaigns, host state), Key Vault for
// the secrets (Dataverse client secret, Octopush API key, webhook key, callback secret),
// Application Insights on a Log Analytics workspace. Secrets reach the app as Key Vault
// references; the identity reads them and uses Storage queues through role assignments.

@description('Short name used to build resource names (letters and digits).')
@minLength(3)
@maxLength(16)
param name string

param location string = resourceGroup().location

@description('Dataverse environment URL, e.g. https://contoso.crm4.dynamics.com')
param dataverseUrl string

@description('Entra ID tenant of the Dataverse application user.')
param tenantId string = subscription().tenantId

@description('Application (client) id of the Dataverse application user. Leave empty to use the Function App managed identity as the application user.')
param dataverseClientId string = ''

@secure()
@description('Client secret of the application user (empty with managed identity).')
param dataverseClientSecret string = ''

@secure()
@description('Octopush API key (else read from the SMS configuration row in Dataverse).')
param octopushApiKey string = ''

param octopushApiLogin string = ''

@secure()
@description('Key Dataverse presents on webhook calls (set on the service endpoint by npm run register).')
param webhookKey string

@secure()
@description('Secret part of the provider callback URL.')
param callbackSecret string

param defaultCountry string = 'FR'

var suffix = uniqueString(resourceGroup().id, name)
var storageName = toLower(take('st${name}${suffix}', 24))
var useClientSecret = !empty(dataverseClientSecret)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}-${suffix}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${suffix}'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: workspace.id }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${name}-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource secretWebhookKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webhook-key'
  properties: { value: webhookKey }
}

resource secretCallback 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'callback-secret'
  properties: { value: callbackSecret }
}

resource secretClient 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useClientSecret) {
  parent: vault
  name: 'dataverse-client-secret'
  properties: { value: dataverseClientSecret }
}

resource secretOctopush 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(octopushApiKey)) {
  parent: vault
  name: 'octopush-api-key'
  properties: { value: octopushApiKey }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${name}-${suffix}'
  location: location
  sku: { name: 'Y1', tier: 'Dynamic' }
  kind: 'functionapp'
  properties: { reserved: true }
}

var kvRef = 'https://${vault.name}${environment().suffixes.keyvaultDns}/secrets'
var authSettings = useClientSecret
  ? [
      { name: 'DATAVERSE_TENANT_ID', value: tenantId }
      { name: 'DATAVERSE_CLIENT_ID', value: dataverseClientId }
      { name: 'DATAVERSE_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${kvRef}/dataverse-client-secret/)' }
    ]
  : [
      { name: 'DATAVERSE_MANAGED_IDENTITY', value: 'true' }
    ]
var octopushSettings = empty(octopushApiKey)
  ? []
  : [
      { name: 'OCTOPUSH_API_KEY', value: '@Microsoft.KeyVault(SecretUri=${kvRef}/octopush-api-key/)' }
      { name: 'OCTOPUSH_API_LOGIN', value: octopushApiLogin }
    ]

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-${name}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'Node|20'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: concat([
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' }
        { name: 'AzureWebJobsStorage', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'DATAVERSE_URL', value: dataverseUrl }
        { name: 'WEBHOOK_KEY', value: '@Microsoft.KeyVault(SecretUri=${kvRef}/webhook-key/)' }
        { name: 'CALLBACK_SECRET', value: '@Microsoft.KeyVault(SecretUri=${kvRef}/callback-secret/)' }
        { name: 'DEFAULT_COUNTRY', value: defaultCountry }
        { name: 'PUBLIC_BASE_URL', value: 'https://func-${name}-${suffix}.azurewebsites.net' }
      ], authSettings, octopushSettings)
    }
  }
}

// Key Vault Secrets User, for the Key Vault references.
resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functionApp.id, 'kv-secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor, for campaign queues through the identity.
resource queueWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, 'queue-contributor')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output functionAppName string = functionApp.name
output webhookUrl string = 'https://${functionApp.properties.defaultHostName}/api/dataverse/webhook'
output callbackUrl string = 'https://${functionApp.properties.defaultHostName}/api/provider/octopush/callback/<CALLBACK_SECRET>'
output managedIdentityPrincipalId string = functionApp.identity.principalId
