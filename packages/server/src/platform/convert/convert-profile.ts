import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The LibreOffice user profile every worker starts from, and the fontconfig file its workers
 * read. Built once per pool, then copied per worker: two soffice processes on one profile
 * make one of them exit without writing anything (measured in the documents research).
 */

/** Fonts that Chinese contracts name but Debian does not ship, mapped to Noto CJK SC. */
export const cjkFontAliases: Readonly<Record<string, string>> = {
  SimSun: 'Noto Serif CJK SC',
  NSimSun: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  'Microsoft YaHei': 'Noto Sans CJK SC',
  微软雅黑: 'Noto Sans CJK SC',
  DengXian: 'Noto Sans CJK SC',
  等线: 'Noto Sans CJK SC',
  SimHei: 'Noto Sans CJK SC',
  黑体: 'Noto Sans CJK SC',
};

function item(path: string, prop: string, value: string): string {
  return (
    `<item oor:path="${path}"><prop oor:name="${prop}" oor:op="fuse">` +
    `<value>${value}</value></prop></item>`
  );
}

/**
 * registrymodifications.xcu for an untrusted-input worker:
 * - ooSetupLastVersion = the installed version, so a start is not treated as an upgrade
 *   (each "upgrade" runs ~3 s of graphics render tests);
 * - no macros at all, and links from documents to the outside never followed
 *   (BlockUntrustedRefererLinks stopped the remote-image fetch in the research);
 * - every HTTP(S)/FTP request sent to a proxy on the discard port, so anything that still tries
 *   to reach the network fails locally.
 */
export function hardenedRegistry(productVersion: string): string {
  const common = '/org.openoffice.Office.Common';
  const inet = '/org.openoffice.Inet/Settings';
  const items = [
    item('/org.openoffice.Setup/Product', 'ooSetupLastVersion', productVersion),
    item('/org.openoffice.Setup/Office', 'ooSetupInstCompleted', 'true'),
    item(`${common}/Security/Scripting`, 'MacroSecurityLevel', '3'),
    item(`${common}/Security/Scripting`, 'DisableMacrosExecution', 'true'),
    item(`${common}/Security/Scripting`, 'BlockUntrustedRefererLinks', 'true'),
    item(`${common}/Security/Scripting`, 'CheckStoredMacros', 'false'),
    item(`${common}/Misc`, 'UseLocking', 'false'),
    item(`${common}/Misc`, 'FirstRun', 'false'),
    item(`${common}/Save/Document`, 'CreateBackup', 'false'),
    item(`${common}/Save/Document`, 'AutoSave', 'false'),
    item('/org.openoffice.Office.Recovery/AutoSave', 'Enabled', 'false'),
    item('/org.openoffice.Office.Recovery/RecoveryInfo', 'Enabled', 'false'),
    item(inet, 'ooInetProxyType', '1'),
    item(inet, 'ooInetHTTPProxyName', '127.0.0.1'),
    item(inet, 'ooInetHTTPProxyPort', '9'),
    item(inet, 'ooInetHTTPSProxyName', '127.0.0.1'),
    item(inet, 'ooInetHTTPSProxyPort', '9'),
    item(inet, 'ooInetFTPProxyName', '127.0.0.1'),
    item(inet, 'ooInetFTPProxyPort', '9'),
    item(inet, 'ooInetNoProxy', ''),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    items.join('\n') +
    '\n</oor:items>\n'
  );
}

/** A fontconfig file that keeps the system configuration and adds the CJK aliases. */
export function fontconfigFile(systemConfig = '/etc/fonts/fonts.conf'): string {
  const aliases = Object.entries(cjkFontAliases).map(
    ([family, target]) =>
      `  <alias binding="same"><family>${family}</family><prefer><family>${target}</family></prefer></alias>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${systemConfig}</include>`,
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** The installed LibreOffice's product version ("7.4"), read from its registry defaults. */
export async function installedProductVersion(installDir: string): Promise<string> {
  const xcd = await readFile(join(installDir, 'share/registry/main.xcd'), 'utf8');
  const match = /name="ooSetupVersion">\s*<value>([^<]+)<\/value>/.exec(xcd);
  if (!match?.[1]) throw new Error(`cannot read the LibreOffice version from ${installDir}`);
  return match[1];
}

/** Writes the template profile and fonts.conf under `baseDir`; returns their paths. */
export async function prepareTemplateProfile(
  baseDir: string,
  installDir: string,
): Promise<{ templateDir: string; fontconfig: string }> {
  const templateDir = join(baseDir, 'profile-template');
  await rm(templateDir, { recursive: true, force: true });
  await mkdir(join(templateDir, 'user'), { recursive: true });
  const version = await installedProductVersion(installDir);
  await writeFile(join(templateDir, 'user/registrymodifications.xcu'), hardenedRegistry(version));
  const fontconfig = join(baseDir, 'fonts.conf');
  await writeFile(fontconfig, fontconfigFile());
  return { templateDir, fontconfig };
}

/** A fresh copy of the template for one worker (replacing whatever a crashed run left). */
export async function resetWorkerProfile(templateDir: string, workerDir: string): Promise<void> {
  await rm(workerDir, { recursive: true, force: true });
  await cp(templateDir, workerDir, { recursive: true });
}
