// Copyright (c) Microsoft Corporation.
// Licensed under the MIT license (LICENSE.txt beside this file).
//
// Vendored from @microsoft/teamsfx-core 3.1.3, the engine of @microsoft/m365agentstoolkit-cli
// 1.1.17 (npm), so the tests apply the Toolkit's own substitution rules offline:
//   - expandEnvironmentVariable, getEnvironmentVariables: build/component/utils/common.js
//     (used by arm/deploy for the parameters file and by aadApp/update for aad.manifest.json);
//   - resolveString, allowedEmptyKeys: build/component/configManager/lifecycle.js
//     (used for every action's `with` and `env` in teamsapp.yml);
//   - OpenAIEnvironmentVariables, AzureEnvironmentVariables: build/component/constants.js.
// Formatted by this repository's Prettier; otherwise the bodies are unchanged, except that
// resolveString reads `envs` instead of process.env, so a test can supply each environment's
// values without touching the process.
/* eslint-disable eqeqeq, no-prototype-builtins -- kept exactly as Microsoft wrote it */
'use strict';

const placeholderRegex = /\${{ *[a-zA-Z_][a-zA-Z0-9_]* *}}/g;

function expandEnvironmentVariable(content, envs) {
  const placeholders = content.match(placeholderRegex);
  if (placeholders) {
    for (const placeholder of placeholders) {
      const envName = placeholder.slice(3, -2).trim(); // removes `${{` and `}}`
      const envValue = envs ? envs[envName] : process.env[envName];
      if (envName === 'APP_NAME_SUFFIX') {
        if (envValue !== undefined && envValue !== null) {
          content = content.replace(placeholder, envValue);
        }
      } else {
        if (envValue) {
          content = content.replace(placeholder, envValue);
        }
      }
    }
  }
  return content;
}

function getEnvironmentVariables(content) {
  const placeholders = content.match(placeholderRegex);
  if (placeholders) {
    const variables = placeholders.map((placeholder) => placeholder.slice(3, -2).trim()); // removes `${{` and `}}`)
    // remove duplicates
    return [...new Set(variables)];
  }
  return [];
}

const OpenAIEnvironmentVariables = {
  OPENAI_API_KEY: 'OPENAI_API_KEY',
  AZURE_OPENAI_API_KEY: 'AZURE_OPENAI_API_KEY',
  SECRET_OPENAI_API_KEY: 'SECRET_OPENAI_API_KEY',
  SECRET_AZURE_OPENAI_API_KEY: 'SECRET_AZURE_OPENAI_API_KEY',
  AZURE_OPENAI_ENDPOINT: 'AZURE_OPENAI_ENDPOINT',
  AZURE_OPENAI_DEPLOYMENT_NAME: 'AZURE_OPENAI_DEPLOYMENT_NAME',
  AZURE_OPENAI_MODEL_DEPLOYMENT_NAME: 'AZURE_OPENAI_MODEL_DEPLOYMENT_NAME',
  OPENAI_ASSISTANT_ID: 'OPENAI_ASSISTANT_ID',
  AZURE_OPENAI_ASSISTANT_ID: 'AZURE_OPENAI_ASSISTANT_ID',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME: 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME',
};
const AzureEnvironmentVariables = {
  AZURE_SEARCH_KEY: 'AZURE_SEARCH_KEY',
  SECRET_AZURE_SEARCH_KEY: 'SECRET_AZURE_SEARCH_KEY',
  AZURE_SEARCH_ENDPOINT: 'AZURE_SEARCH_ENDPOINT',
};

const allowedEmptyKeys = ['APP_NAME_SUFFIX'];
function resolveString(val, resolved, unresolved, envs) {
  const placeHolderReg = /\${{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*}}/g;
  let matches = placeHolderReg.exec(val);
  let newVal = val;
  while (matches != null) {
    const envVar = matches[1];
    const envVal = envs[envVar];
    if (allowedEmptyKeys.includes(envVar)) {
      if (envVal === undefined || envVal === null) {
        unresolved.push(envVar);
      } else {
        resolved.push(envVar);
        newVal = newVal.replace(matches[0], envVal);
      }
    } else if (
      OpenAIEnvironmentVariables.hasOwnProperty(envVar) ||
      AzureEnvironmentVariables.hasOwnProperty(envVar)
    ) {
      if (envVal) {
        resolved.push(envVar);
        newVal = newVal.replace(matches[0], envVal);
      }
    } else {
      if (!envVal) {
        unresolved.push(envVar);
      } else {
        resolved.push(envVar);
        newVal = newVal.replace(matches[0], envVal);
      }
    }
    matches = placeHolderReg.exec(val);
  }
  return newVal;
}

module.exports = {
  expandEnvironmentVariable,
  getEnvironmentVariables,
  resolveString,
  allowedEmptyKeys,
};
