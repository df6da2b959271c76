#!/usr/bin/env bash
# Stages the deployed API in api/.deploy: the compiled code (api/dist, run `npm run build
# --workspace api` first), host.json, package.json, and the API's production dependencies at the
# exact versions of the root package-lock.json. `npm ci` installs from the lock only (it fails
# rather than re-resolve), so production runs what the tests ran against.
#
# Usage (from the repository root): bash scripts/stage-api.sh [npm ci options, e.g. --offline]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f api/dist/functions/index.js ]; then
  echo "api/dist is missing: run \`npm run build --workspace api\` first." >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# npm ci checks the lock against every workspace's manifest, so all of them go to the scratch root.
mkdir -p "$scratch/api" "$scratch/tabs"
cp package.json package-lock.json "$scratch/"
cp api/package.json "$scratch/api/"
cp tabs/package.json "$scratch/tabs/"
(cd "$scratch" && npm ci --workspace api --omit=dev --no-audit --no-fund "$@")

rm -rf api/.deploy
mkdir -p api/.deploy
cp -R api/dist api/host.json api/package.json api/.deploy/
mv "$scratch/node_modules" api/.deploy/node_modules
# The workspace links (node_modules/@career-board/*) point back into the scratch folder.
rm -rf api/.deploy/node_modules/@career-board
echo "Staged api/.deploy with $(ls api/.deploy/node_modules | wc -l | tr -d ' ') top-level production packages from package-lock.json."
