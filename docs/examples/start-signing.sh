#!/usr/bin/env bash
# Start a signing request from a PDF. Needs SIGNX_URL, SIGNX_API_KEY, a PDF path and a signer.
set -euo pipefail
pdf=$1 signer_name=$2 signer_email=$3
api="$SIGNX_URL/api/v1"
auth=(-H "X-API-Key: $SIGNX_API_KEY")

document_id=$(curl -sf "${auth[@]}" "$api/documents" \
  -F title='Contract C-17' -F category=contract -F entity_type=contract -F entity_id=C-17 \
  -F "file=@$pdf;type=application/pdf" | jq -r .data.document.id)

request_id=$(jq -n --arg doc "$document_id" --arg name "$signer_name" --arg email "$signer_email" \
  '{entity_type: "contract", entity_id: "C-17", title: "Contract C-17", document_ids: [$doc],
    signers: [{signer_name: $name, signer_email: $email, signing_order: 1}]}' \
  | curl -sf "${auth[@]}" -H 'Content-Type: application/json' --data-binary @- "$api/digital-signature/requests" \
  | jq -r .data.id)

curl -sf "${auth[@]}" -X POST "$api/digital-signature/requests/$request_id/send" \
  | jq '{request_id: .data.request.id, status: .data.request.status, links: .data.links}'
