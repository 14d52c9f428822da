#!/usr/bin/env bash
# The README's walkthrough, as a script: every step, in order, against a running service.
#   TOKEN=$(cat data/admin.token) docs/walkthrough.sh          (BASE_URL defaults to http://localhost:8080)
# Stops with a non-zero exit at the first answer that is not the one shown. Needs bash and curl
# 7.76 or newer (--fail-with-body).
set -euo pipefail
BASE_URL=${BASE_URL:-http://localhost:8080}
: "${TOKEN:?set TOKEN to the admin token: ./data/admin.token with the embedded default, else SECRETS_ADMIN_TOKEN}"
# curl that fails on an error answer (and prints it), with a line break after each answer
curl() { command curl -sS --fail-with-body "$@"; echo; }
# the value of a field in a JSON answer: field id
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# an app
APP=$(curl -X POST "$BASE_URL/apps" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name": "billing-service"}' | field id)
echo "app $APP"

# a secret
SECRET=$(curl -X POST "$BASE_URL/apps/$APP/secrets" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"key": "DATABASE_PASSWORD", "value": "s3cr3t"}' | field id)
echo "secret $SECRET"

# all the app's secrets (names only with ?values=false), one secret, a change
curl "$BASE_URL/apps/$APP/secrets" -H "Authorization: Bearer $TOKEN"
curl "$BASE_URL/apps/$APP/secrets?values=false" -H "Authorization: Bearer $TOKEN"
curl "$BASE_URL/apps/$APP/secrets/$SECRET" -H "Authorization: Bearer $TOKEN"
curl -X PATCH "$BASE_URL/apps/$APP/secrets/$SECRET" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"value": "n3w-s3cr3t"}'

# versions, rollback, a generated value, a safe change with If-Match
curl "$BASE_URL/apps/$APP/secrets/$SECRET/versions" -H "Authorization: Bearer $TOKEN"
curl -X POST "$BASE_URL/apps/$APP/secrets/$SECRET/versions/1/restore" -H "Authorization: Bearer $TOKEN"
curl -X POST "$BASE_URL/apps/$APP/secrets/$SECRET/rotate" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"length": 48, "alphabet": "base64url"}'
ETAG=$(curl -o /dev/null -D - "$BASE_URL/apps/$APP/secrets/$SECRET" -H "Authorization: Bearer $TOKEN" \
  | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
curl -X PATCH "$BASE_URL/apps/$APP/secrets/$SECRET" -H "Authorization: Bearer $TOKEN" -H "If-Match: $ETAG" \
  -H 'Content-Type: application/json' -d '{"value": "only-if-unchanged"}'

# a whole .env file at once, the app as a .env file, one secret by its key
printf 'API_KEY=k-123\nDATABASE_URL="postgres://db:5432/billing"\n' > walkthrough.env
curl -X PUT "$BASE_URL/apps/$APP/secrets" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/plain' --data-binary @walkthrough.env
rm walkthrough.env
curl "$BASE_URL/apps/$APP/secrets/export" -H "Authorization: Bearer $TOKEN"
curl "$BASE_URL/apps/$APP/secrets/by-key/DATABASE_URL" -H "Authorization: Bearer $TOKEN"

# an API token for a deployed application: this app's values only; shown once, store it now
ISSUED=$(curl -X POST "$BASE_URL/tokens" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"name\": \"billing prod\", \"permissions\": [\"secrets:read\"], \"appIds\": [\"$APP\"]}")
API_TOKEN=$(echo "$ISSUED" | field token)
API_TOKEN_ID=$(echo "$ISSUED" | field id)
curl "$BASE_URL/apps/$APP/secrets" -H "Authorization: Bearer $API_TOKEN"
# what the application cannot do: 403
test "$(command curl -s -o /dev/null -w '%{http_code}' -X DELETE "$BASE_URL/apps/$APP" \
  -H "Authorization: Bearer $API_TOKEN")" = 403

# delete a secret (recoverable for 7 days), see it among the deleted, bring it back
curl -X DELETE "$BASE_URL/apps/$APP/secrets/$SECRET" -H "Authorization: Bearer $TOKEN"
curl "$BASE_URL/apps/$APP/secrets/deleted" -H "Authorization: Bearer $TOKEN"
curl -X POST "$BASE_URL/apps/$APP/secrets/$SECRET/undelete" -H "Authorization: Bearer $TOKEN"

# who did what: the app's audit events, and the chain intact
curl "$BASE_URL/audit-events?appId=$APP&limit=5" -H "Authorization: Bearer $TOKEN"
curl "$BASE_URL/audit-events/verify" -H "Authorization: Bearer $TOKEN"

# revoke the API token: refused (401) from the next request on
curl -X DELETE "$BASE_URL/tokens/$API_TOKEN_ID" -H "Authorization: Bearer $TOKEN"
test "$(command curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/apps/$APP/secrets" \
  -H "Authorization: Bearer $API_TOKEN")" = 401

# the apps, a page at a time; deleting an app deletes its secrets
curl "$BASE_URL/apps?limit=20&offset=0" -H "Authorization: Bearer $TOKEN"
curl -X DELETE "$BASE_URL/apps/$APP" -H "Authorization: Bearer $TOKEN"
echo "walkthrough done"
