#!/usr/bin/env bash
# Start a signing request from an ERP with a signed inbound callback (no token, no API key).
# Needs SIGNX_URL, SIGNX_KEY_ID (ick_…), SIGNX_SECRET (whsec_…) and a JSON body file.
set -euo pipefail
body=$(cat "$1")
request_id=$(openssl rand -hex 16)                  # unique per call: SignX accepts it once
timestamp=$(date +%s)                               # within 5 minutes of the server clock
key_hex=$(printf '%s' "${SIGNX_SECRET#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
signature=$(printf '%s.%s.%s.%s' "$SIGNX_KEY_ID" "$request_id" "$timestamp" "$body" |
  openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64 -w0)
curl -sS --fail-with-body -X POST "$SIGNX_URL/api/v1/callbacks/signing-requests" \
  -H 'content-type: application/json' \
  -H "idempotency-key: ${IDEMPOTENCY_KEY:-$request_id}" \
  -H "signx-key-id: $SIGNX_KEY_ID" \
  -H "signx-request-id: $request_id" \
  -H "signx-timestamp: $timestamp" \
  -H "signx-signature: v1,$signature" \
  --data-binary "$body"
