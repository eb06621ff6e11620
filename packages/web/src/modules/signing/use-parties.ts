import { type Ref, ref } from 'vue';
import type { NewSigner, PlacedField } from './signing.api';

/**
 * The parties of a new request in signing order, and the fields placed for them: adding,
 * removing and reordering a party keeps each field on the party it was placed for.
 */
export function useParties(): {
  signers: Ref<NewSigner[]>;
  fields: Ref<PlacedField[]>;
  add(): void;
  remove(index: number): void;
  move(index: number, by: -1 | 1): void;
} {
  const signers = ref<NewSigner[]>([
    { signer_name: '', signer_email: '', signer_type: 'customer', role: 'signer', signing_order: 1 },
  ]);
  const fields = ref<PlacedField[]>([]);
  function add() {
    const last = signers.value[signers.value.length - 1];
    signers.value.push({
      signer_name: '',
      signer_email: '',
      signer_type: 'company',
      role: 'signer',
      signing_order: (last?.signing_order ?? 0) + 1,
    });
  }
  function remove(index: number) {
    signers.value.splice(index, 1);
    // An assistant keeps pointing at the same party (or at none once that party is gone).
    for (const s of signers.value)
      if (s.assists !== undefined)
        s.assists = s.assists === index ? undefined : s.assists > index ? s.assists - 1 : s.assists;
    fields.value = fields.value
      .filter((f) => f.signer_index !== index)
      .map((f) => (f.signer_index > index ? { ...f, signer_index: f.signer_index - 1 } : f));
  }
  function move(index: number, by: -1 | 1) {
    const list = signers.value;
    const other = index + by;
    if (other < 0 || other >= list.length) return;
    [list[index], list[other]] = [list[other]!, list[index]!];
    [list[index]!.signing_order, list[other]!.signing_order] = [
      list[other]!.signing_order,
      list[index]!.signing_order,
    ];
    const swap = (i: number) => (i === index ? other : i === other ? index : i);
    fields.value = fields.value.map((f) => ({ ...f, signer_index: swap(f.signer_index) }));
    for (const s of list) if (s.assists !== undefined) s.assists = swap(s.assists);
  }
  return { signers, fields, add, remove, move };
}
