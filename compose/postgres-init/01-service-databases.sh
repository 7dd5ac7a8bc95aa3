#!/usr/bin/env bash
# One login role per service, owner of its own database, as ./suite up does (suite-launcher's ServiceDatabases):
# role <database>_service with the password from <DATABASE>_DB_PASSWORD (compose/.env, see generate-passwords.sh);
# no database accepts connections from PUBLIC, so a role reaches its own database only.
# The postgres image runs this once, when its data volume is new.
set -euo pipefail
for database in accounts transfers simulator proxy adapter reconciliation; do
  variable="${database^^}_DB_PASSWORD"
  password="${!variable:?$variable is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=database="$database" --set=role="${database}_service" --set=password="$password" <<'SQL'
set password_encryption = 'scram-sha-256';
create role :"role" with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password :'password';
create database :"database" owner :"role";
revoke connect, temporary on database :"database" from public;
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
revoke connect on database postgres from public;
revoke connect on database template1 from public;
SQL
