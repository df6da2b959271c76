// Career Board: the Azure resources for one customer tenant.
// Deployed by the `arm/deploy` step of teamsapp.yml; every output named in UPPER_SNAKE_CASE is
// written back to env/.env.{environment} for the later steps (see docs/deploy.md).
//
// Security stance: no secret or account key anywhere. The Function App reaches Storage, Cosmos DB
// and Application Insights with one user-assigned managed identity and Azure RBAC; Cosmos DB and
// Application Insights have local (key) authentication switched off.

@description('Lowercase prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(11)
param resourceBaseName string = 'careerboard'

// Regions that offer the Flex Consumption plan. Microsoft documents the live list as the output of
// `az functionapp list-flexconsumption-locations` ("Azure Functions Flex Consumption plan hosting",
// https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan); this copy is the list in
// Microsoft's own Flex Consumption quickstart template (Azure-Samples/functions-quickstart-typescript-azd,
// infra/main.bicep) without its canary region. `npm run preflight` reads it from here.
@description('Region for everything except the Static Web App: one that offers Flex Consumption.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
param location string

// Static Web Apps is a global service but its control plane lives in a handful of regions.
@description('Region of the Static Web App resource (the content itself is served globally).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Client (application) id of the Entra app registration created by aadApp/create.')
param aadAppClientId string

@description('Id of the Teams app (teamsApp/create): activity-feed notifications deep-link into its tabs with it.')
param teamsAppId string

// The app registration is single-tenant (signInAudience AzureADMyOrg in teamsapp.yml and
// aad.manifest.json): Entra issues its tokens to this tenant's users only, so the API accepts
// exactly this tenant. Each organisation deploys its own copy (docs/deploy.md).
@description('Tenant that owns the Entra app registration: the only tenant whose users may call the API.')
param aadAppTenantId string

// Node.js 22 LTS: the newest Node.js that Azure Functions supports generally on Flex Consumption
// ("Supported languages in Azure Functions", https://learn.microsoft.com/azure/azure-functions/supported-languages,
// and the Flex stack list of Az.Functions, where Node.js 22 is the default and newest Linux runtime).
// Node.js 20 reached end of life on 2026-04-30. The tests run on this same major (package.json).
@description('Node.js major version of the Functions runtime.')
@allowed([
  '22'
])
param nodeVersion string = '22'

@description('Upper bound on Function App instances: caps cost and keeps Graph throttling in check.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Daily cap on Log Analytics ingestion in GB, so a logging mistake cannot run up a bill.')
param logDailyCapGb int = 1

var token = toLower(uniqueString(subscription().id, resourceGroup().id, resourceBaseName))
var functionAppName = '${resourceBaseName}-api-${token}'
var deploymentContainerName = 'app-package'
var databaseName = 'career-board'

// Exactly the containers the app opens (CONTAINERS in api/src/store/cosmosClient.ts; the API's
// data-plane role cannot create them, so every one must exist here). Single partition key path
// per container: the local Cosmos DB server honours only the first path of a hierarchical key
// (shared/TOOLCHAIN.md), so composite values such as "tid|employeeId" go in /pk.
var containers = [
  { name: 'boards', partitionKeyPath: '/pk' }
  { name: 'history', partitionKeyPath: '/pk' }
  { name: 'conversations', partitionKeyPath: '/pk' }
  { name: 'directory', partitionKeyPath: '/pk' }
  { name: 'settings', partitionKeyPath: '/pk' }
  { name: 'sharing', partitionKeyPath: '/pk' }
]

// Built-in role definitions (Azure RBAC for Storage and Monitor, Cosmos DB data-plane RBAC).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageQueueDataReader = '19e7f393-937e-4f77-808e-94535e297925'
var storageQueueDataMessageProcessor = '8a0f0c08-91a1-4084-bc3d-661d67233fed'
var storageQueueDataMessageSender = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

// ---------------------------------------------------------------- identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id-${token}'
  location: location
}

// ---------------------------------------------------------------- monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs-${token}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    workspaceCapping: {
      dailyQuotaGb: logDailyCapGb
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai-${token}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra token (the managed identity), never the bare key.
    DisableLocalAuth: true
  }
}

resource appInsightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------- Function App storage

resource functionStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${resourceBaseName}fn${token}', 24)
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The host and the deployment both authenticate with the managed identity: no account keys.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource functionBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: functionStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: functionBlobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Work queues of the queue-triggered functions (api/src/functions/queueTriggers.ts, WORK_QUEUES),
// each with the `<queue>-poison` queue the host moves a message to after maxDequeueCount failed
// deliveries ("Azure Queue storage trigger for Azure Functions", Poison messages,
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger).
// Declared here so the poison queue is there for the admin to inspect before anything has failed.
var workQueues = [
  'schedule-work'
  'schedule-work-poison'
]

resource functionQueueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: functionStorage
  name: 'default'
}

resource workQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in workQueues: {
    parent: functionQueueService
    name: queueName
  }
]

// Blob: host leases, timer singleton locks and the deployment package; Table: host state.
// Queue: host state, and the work queues through the same identity-based AzureWebJobsStorage
// connection (app settings below, no key): Microsoft lists Storage Queue Data Reader and Message
// Processor for a queue trigger, Data Contributor and Message Sender for writing messages, which
// the pass does when it fans out ("Azure Queue storage trigger and bindings for Azure Functions
// overview", Grant permission to the identity,
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#grant-permission-to-the-identity;
// "Connecting to host storage with an identity",
// https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [
    storageBlobDataOwner
    storageQueueDataContributor
    storageQueueDataReader
    storageQueueDataMessageProcessor
    storageQueueDataMessageSender
    storageTableDataContributor
  ]: {
    name: guid(functionStorage.id, identity.id, role)
    scope: functionStorage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ---------------------------------------------------------------- Cosmos DB for NoSQL

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${resourceBaseName}-cosmos-${token}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    // Serverless: billed per request unit consumed, nothing while idle. Right for a workload of a
    // daily scheduling pass and occasional board reads (see the cost section of docs/deploy.md).
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Data-plane access only through Entra ID and the SQL role assignment below.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

resource cosmosDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------- tab hosting

// Static Web Apps rather than a Storage static website: the tab must be served with a
// Content-Security-Policy `frame-ancestors` header naming only Teams and Microsoft 365 hosts
// (shared/DESIGN.md), and a Storage static website cannot set response headers. Static Web Apps
// sets them from infra/tab-hosting/staticwebapp.config.json, and its Free plan costs nothing.
resource tab 'Microsoft.Web/staticSites@2023-12-01' = {
  name: '${resourceBaseName}-tab-${token}'
  location: staticWebAppLocation
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {}
}

var tabDomain = tab.properties.defaultHostname
var tabOrigin = 'https://${tabDomain}'
var aadAppIdUri = 'api://${tabDomain}/${aadAppClientId}'

// ---------------------------------------------------------------- Function App (Flex Consumption)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan-${token}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${functionStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The one place CORS is configured in Azure: only the tab may call the API from a browser.
      cors: {
        allowedOrigins: [
          tabOrigin
        ]
        supportCredentials: false
      }
      // The app's configuration contract (api/src/config.ts). Flex Consumption takes the runtime
      // from functionAppConfig, so FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are
      // deliberately absent (the platform rejects them).
      appSettings: [
        {
          name: 'CAREER_BOARD_MODE'
          value: 'azure'
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: databaseName
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'AAD_APP_ID_URI'
          value: aadAppIdUri
        }
        {
          name: 'ALLOWED_TENANTS'
          value: aadAppTenantId
        }
        {
          name: 'TAB_ORIGIN'
          value: tabOrigin
        }
        {
          name: 'TAB_PUBLIC_URL'
          value: '${tabOrigin}/'
        }
        {
          name: 'GRAPH_BASE_URL'
          value: 'https://graph.microsoft.com/'
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: functionStorage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: functionStorage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: functionStorage.properties.primaryEndpoints.table
        }
      ]
    }
  }
  // The host reads its storage with the identity at start-up: grant the roles first.
  dependsOn: [
    storageRoles
    deploymentContainer
    workQueue
    appInsightsPublisher
  ]
}

// Deployments authenticate with Entra ID (az CLI / toolkit sign-in), never with publishing passwords.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------- outputs for the toolkit

output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = tabOrigin
output TAB_STATIC_WEB_APP_RESOURCE_ID string = tab.id
output TAB_STATIC_WEB_APP_NAME string = tab.name
output API_FUNCTION_ENDPOINT string = 'https://${functionApp.properties.defaultHostName}'
output API_FUNCTION_RESOURCE_ID string = functionApp.id
output API_FUNCTION_NAME string = functionApp.name
output AAD_APP_ID_URI string = aadAppIdUri
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output COSMOS_ACCOUNT_RESOURCE_ID string = cosmos.id
output FUNCTION_STORAGE_ACCOUNT_RESOURCE_ID string = functionStorage.id
output MANAGED_IDENTITY_RESOURCE_ID string = identity.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output APPLICATION_INSIGHTS_RESOURCE_ID string = appInsights.id
