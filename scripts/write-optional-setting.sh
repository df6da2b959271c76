#!/usr/bin/env bash
# Sets NAME=<value of $NAME, possibly empty> in a dotenv file, replacing an earlier line for NAME.
# For settings the Toolkit cannot pass as ${{NAME}} because they may be empty (teamsapp.local.yml).
# Usage: write-optional-setting.sh <file> <NAME>
set -euo pipefail
file="$1"
name="$2"
[[ "$name" =~ ^[A-Z_][A-Z0-9_]*$ ]] || { echo "not a variable name: $name" >&2; exit 2; }
value="${!name:-}"
touch "$file"
grep -v "^${name}=" "$file" > "$file.tmp" || true
printf '%s=%s\n' "$name" "$value" >> "$file.tmp"
mv "$file.tmp" "$file"
