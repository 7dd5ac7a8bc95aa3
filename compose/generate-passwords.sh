#!/usr/bin/env sh
# Writes compose/.env (git-ignored, owner-only) with a generated password for PostgreSQL's superuser and for each
# service's database role; docker compose reads it from here. An existing .env is kept (the data volume was
# initialised with its passwords).
set -eu
cd "$(dirname "$0")"
if [ -f .env ]; then
  echo "compose/.env exists: kept"
  exit 0
fi
umask 077
for name in POSTGRES ACCOUNTS_DB TRANSFERS_DB SIMULATOR_DB PROXY_DB ADAPTER_DB RECONCILIATION_DB; do
  printf '%s_PASSWORD=%s\n' "$name" "$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
done > .env
echo "compose/.env written"
