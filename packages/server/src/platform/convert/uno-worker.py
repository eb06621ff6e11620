# One LibreOffice conversion worker, driven by the Node pool (platform/convert/convert-pool.ts).
#
# Why a Python helper: there is no pure-JS UNO client, and a long-lived soffice driven over UNO
# converts about ten times faster than one `soffice --convert-to` per file (the research in
# shared/research/documents-pipeline.md measured 10.5 docs/s against 1.09 docs/s).
#
# Protocol: one JSON object per line on stdin ({"id", "input", "output", "pageRange"?}),
# one per line on stdout ({"id", "ok", "error"?}). The first stdout line is
# {"ready": true, "sofficePid": N}. Any broken UNO connection ends this process with code 3:
# the pool fails the running job and starts a fresh worker.
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE: external links are never refreshed


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(soffice, profile_url, pipe_name):
    args = [
        soffice, '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
        '--nolockcheck', '--nofirststartwizard',
        '-env:UserInstallation=' + profile_url,
        '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe_name,
    ]
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def connect(office, pipe_name, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    url = 'uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe_name
    while True:
        if office.poll() is not None:
            raise RuntimeError('soffice exited during start-up with code %s' % office.returncode)
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        except NoConnectException:
            if time.time() > deadline:
                raise RuntimeError('soffice did not accept a connection in time')
            time.sleep(0.05)


def export_filter(doc):
    if doc.supportsService('com.sun.star.sheet.SpreadsheetDocument'):
        return 'calc_pdf_Export'
    if doc.supportsService('com.sun.star.presentation.PresentationDocument'):
        return 'impress_pdf_Export'
    if doc.supportsService('com.sun.star.drawing.DrawingDocument'):
        return 'draw_pdf_Export'
    return 'writer_pdf_Export'


def convert(desktop, job):
    load_props = (
        prop('Hidden', True),
        prop('ReadOnly', True),
        prop('MacroExecutionMode', NEVER_EXECUTE),
        prop('UpdateDocMode', NO_UPDATE),
        prop('RepairPackage', False),
    )
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job['input']), '_blank', 0, load_props)
    if doc is None:
        raise ValueError('LibreOffice could not open the file (unsupported or damaged)')
    try:
        filter_data = []
        if job.get('pageRange'):
            filter_data.append(prop('PageRange', job['pageRange']))
        store_props = (
            prop('FilterName', export_filter(doc)),
            prop('FilterData', uno.Any('[]com.sun.star.beans.PropertyValue', tuple(filter_data))),
            prop('Overwrite', True),
        )
        doc.storeToURL(uno.systemPathToFileUrl(job['output']), store_props)
    finally:
        doc.close(True)


def is_connection_lost(error):
    name = type(error).__name__
    return name in ('DisposedException', 'RuntimeException') or 'Binary URP bridge' in str(error)


def connection_alive(desktop, office):
    # A killed soffice.bin can surface as an ordinary load/store error while its launcher is
    # still alive, so a failure is only "the file's fault" if the bridge still answers.
    if office.poll() is not None:
        return False
    try:
        desktop.getFrames()
        return True
    except Exception:  # noqa: BLE001 - any failure of the round trip means the bridge is gone
        return False


def reply(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


def main():
    soffice, profile_dir, pipe_name, start_timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    office = start_office(soffice, uno.systemPathToFileUrl(profile_dir), pipe_name)
    desktop = connect(office, pipe_name, time.time() + start_timeout)
    reply({'ready': True, 'sofficePid': office.pid})
    for line in sys.stdin:
        job = json.loads(line)
        try:
            convert(desktop, job)
            reply({'id': job['id'], 'ok': True})
        except Exception as error:  # noqa: BLE001 - every failure is reported, never raised
            lost = is_connection_lost(error) or not connection_alive(desktop, office)
            reply({'id': job['id'], 'ok': False, 'crashed': lost, 'error': '%s: %s' % (type(error).__name__, error)})
            if lost:
                sys.exit(3)
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - soffice may already be gone
        pass
    office.wait(timeout=10)


if __name__ == '__main__':
    main()
