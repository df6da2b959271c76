#!/usr/bin/env bash
# Lets the Function App's user-assigned managed identity sign in to Microsoft Graph as the Entra
# app registration, with no secret (workload identity federation): adds a federated identity
# credential to the app whose issuer is the MANAGED IDENTITY's tenant (the subscription's tenant,
# which may differ from the Microsoft 365 tenant that owns the app) and whose subject is the
# identity's object (principal) id.
#
# Idempotent, so `atk provision` can run it every time: does nothing when the app already trusts
# this identity, updates the credential when the identity was re-created, creates it otherwise.
#
# Usage: scripts/trust-managed-identity.sh <app client id> <managed identity resource id>
# Needs: az, signed in with a role that may update the app (Application Developer / owner).
set -euo pipefail

if [ "$#" -ne 2 ] || [ -z "$1" ] || [ -z "$2" ]; then
  echo "usage: $0 <app client id> <managed identity resource id>" >&2
  exit 2
fi
app_id="$1"
identity_id="$2"
name="career-board-api"
audience="api://AzureADTokenExchange"

tenant="$(az identity show --ids "$identity_id" --query tenantId -o tsv)"
principal="$(az identity show --ids "$identity_id" --query principalId -o tsv)"
if [ -z "$tenant" ] || [ -z "$principal" ]; then
  echo "Could not read the tenant and principal id of $identity_id" >&2
  exit 1
fi
issuer="https://login.microsoftonline.com/${tenant}/v2.0"
parameters="{\"name\":\"${name}\",\"issuer\":\"${issuer}\",\"subject\":\"${principal}\",\"audiences\":[\"${audience}\"],\"description\":\"Career Board API: the Function App's managed identity\"}"

# Issuer and subject together must be unique on an app: any credential with both already trusts us.
trusted="$(az ad app federated-credential list --id "$app_id" \
  --query "[?issuer=='${issuer}' && subject=='${principal}'].name | [0]" -o tsv)"
if [ -n "$trusted" ]; then
  echo "The app already trusts managed identity ${principal} (issuer ${issuer}, credential ${trusted})."
  exit 0
fi

existing="$(az ad app federated-credential list --id "$app_id" \
  --query "[?name=='${name}'].id | [0]" -o tsv)"
if [ -n "$existing" ]; then
  az ad app federated-credential update --id "$app_id" --federated-credential-id "$existing" \
    --parameters "$parameters" >/dev/null
  echo "Updated federated credential ${name}: issuer ${issuer}, subject ${principal}."
else
  az ad app federated-credential create --id "$app_id" --parameters "$parameters" >/dev/null
  echo "Created federated credential ${name}: issuer ${issuer}, subject ${principal}."
fi
