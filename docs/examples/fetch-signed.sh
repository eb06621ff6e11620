#!/usr/bin/env bash
# Fetch a completed request's signed PDFs and evidence into a folder.
# Needs SIGNX_URL, SIGNX_API_KEY, the request id and the folder.
set -euo pipefail
request_id=$1 out=$2
api="$SIGNX_URL/api/v1"
auth=(-H "X-API-Key: $SIGNX_API_KEY")
mkdir -p "$out"

request=$(curl -sf "${auth[@]}" "$api/digital-signature/requests/$request_id")
jq -r '.data.documents[] | "\(.document_id) \(.current_version)"' <<<"$request" |
  while read -r document_id version; do
    curl -sf "${auth[@]}" -o "$out/$document_id.pdf" "$api/documents/$document_id/versions/$version/content"
  done
curl -sf "${auth[@]}" -o "$out/evidence.json" "$api/digital-signature/requests/$request_id/evidence"
jq -r .data.status <<<"$request"
