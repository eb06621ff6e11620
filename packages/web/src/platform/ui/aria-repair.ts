import { i18n } from '../i18n/i18n';

/**
 * Repairs ARIA that ant-design-vue 4 renders wrongly, in one place (the thin adapter the
 * architecture asks for; a later move to antdv-next may make it unnecessary):
 * - Select / TreeSelect inputs (role=combobox) point aria-controls, aria-owns and
 *   aria-activedescendant at a listbox that only exists while the dropdown is open, and
 *   omit aria-expanded; screen readers then announce a broken control.
 *   Their search inputs also carry no name: the label sits on a wrapper.
 * - Tree declares role=tree over nodes without roles (and a focus input): the role is
 *   dropped, leaving plain groups whose checkboxes and titles read normally.
 * - Table sort carets and row-selection checkboxes: decorative icons get aria-hidden, and
 *   checkboxes get a name; a table that scrolls sideways can be scrolled from the keyboard.
 * Runs in the mutation observer's callback (a microtask, before the next paint), so the
 * repaired DOM is what assistive technology and tests see.
 */
const idReferences = ['aria-controls', 'aria-owns', 'aria-activedescendant'];

function repairCombobox(input: Element): void {
  for (const name of idReferences) {
    const id = input.getAttribute(name);
    if (id && !document.getElementById(id)) input.removeAttribute(name);
  }
  if (!input.hasAttribute('aria-expanded')) input.setAttribute('aria-expanded', 'false');
  if (!input.hasAttribute('aria-label') && !input.hasAttribute('aria-labelledby')) {
    const select = input.closest('.ant-select');
    const name =
      select?.getAttribute('aria-label') ??
      select?.querySelector('.ant-select-selection-placeholder')?.textContent ??
      (select?.closest('.ant-pagination') ? i18n.global.t('common.pageSize') : null);
    const labelled = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
    if (name && !labelled) input.setAttribute('aria-label', name);
  }
}

function repairTable(root: ParentNode): void {
  for (const icon of root.querySelectorAll('.ant-table-column-sorter .anticon')) {
    icon.setAttribute('aria-hidden', 'true');
    icon.removeAttribute('aria-label');
    icon.removeAttribute('role');
  }
  const name = i18n.global.t('common.selectRow');
  for (const box of root.querySelectorAll(
    '.ant-table-selection-column input[type="checkbox"]:not([aria-label])',
  ))
    box.setAttribute('aria-label', name);
  // A table wider than its box scrolls sideways: keyboard users must be able to scroll it.
  for (const region of root.querySelectorAll('.ant-table-content:not([tabindex="0"])'))
    region.setAttribute('tabindex', '0');
}

function repairTree(tree: Element): void {
  if (tree.classList.contains('ant-tree')) tree.removeAttribute('role');
}

function repair(): void {
  for (const input of document.querySelectorAll('input[role="combobox"]')) repairCombobox(input);
  for (const tree of document.querySelectorAll('[role="tree"]')) repairTree(tree);
  repairTable(document);
}

export function installAriaRepair(): void {
  const observer = new MutationObserver(repair);
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: idReferences,
  });
}
