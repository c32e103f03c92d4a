"""XLIFF 1.2 files for translators who work in CAT tools, made and read with translate-toolkit.

An XLIFF file is another dress for the same PO catalog: each string is a trans-unit whose
``resname`` is wagtail-localize's context, and the translation's id, language and source version
ride on the <file> element. Uploads are turned back into a PO catalog, so they pass exactly the
same checks (localisation/offline.py) before anything is saved.
"""

import polib
from lxml import etree
from translate.storage import xliff

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
# Our own attributes on <file>; XLIFF 1.2 allows attributes from other namespaces, and CAT tools keep them.
OURS = "urn:guidance-cms:translation"
HEADERS = {
    "translation-id": "X-WagtailLocalize-TranslationID",
    "source-version": "X-Source-Version",
    "source-title": "X-Source-Title",
}
SKELETON = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NAMESPACE}" xmlns:gc="{OURS}">
<file original="NoName" source-language="en" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


class NotXliff(ValueError):
    """The upload is not an XLIFF file we can read, or it is damaged."""


class NewerXliff(ValueError):
    """The upload is XLIFF 2, which our files are not; the translator's tool can save it as 1.2."""


def catalog_to_xliff(catalog, original, source_language):
    """The XLIFF 1.2 file (bytes) for a PO catalog made by offline.translation_catalog."""
    store = xliff.xlifffile.parsestring(SKELETON.encode())
    file_node = next(store.document.getroot().iterchildren(f"{{{NAMESPACE}}}file"))
    file_node.set("original", original)
    file_node.set("source-language", source_language)
    file_node.set("target-language", catalog.metadata.get("Language", ""))
    for attribute, header in HEADERS.items():
        if catalog.metadata.get(header):
            file_node.set(f"{{{OURS}}}{attribute}", catalog.metadata[header])
    for number, entry in enumerate((entry for entry in catalog if not entry.obsolete), start=1):
        unit = xliff.xliffunit(entry.msgid)
        unit.setid(str(number))
        if entry.msgctxt:
            unit.xmlelement.set("resname", entry.msgctxt)
        if entry.msgstr:
            unit.settarget(entry.msgstr, lang=catalog.metadata.get("Language", "xx"))
            unit.marktranslated()
        store.addunit(unit)
    # Units are born in translate-toolkit's XLIFF 1.1 namespace; drop the declarations left unused.
    etree.cleanup_namespaces(store.document.getroot())
    return bytes(store)


def xliff_to_catalog(content):
    """The PO catalog of an uploaded XLIFF 1.2 file; NotXliff or NewerXliff when it cannot be read."""
    head = content[:4096].lower()
    # A document type can declare entities (the "billion laughs" bomb); our files never have one.
    if b"<!doctype" in head or b"<!entity" in content.lower():
        raise NotXliff("document type declarations are not allowed")
    try:
        store = xliff.xlifffile.parsestring(content)
    except ValueError as error:
        if "XLIFF 2" in str(error):
            raise NewerXliff(str(error)) from error
        raise NotXliff(str(error)) from error
    except (etree.XMLSyntaxError, AssertionError, StopIteration, TypeError, AttributeError) as error:
        raise NotXliff(str(error)) from error
    root = store.document.getroot()
    file_nodes = [node for node in root.iterchildren() if etree.QName(node).localname == "file"]
    if len(file_nodes) != 1:
        raise NotXliff("an XLIFF file of ours has exactly one <file>")
    file_node = file_nodes[0]
    catalog = polib.POFile(wrapwidth=200)
    catalog.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    if file_node.get("target-language"):
        catalog.metadata["Language"] = file_node.get("target-language")
    for attribute, header in HEADERS.items():
        value = file_node.get(f"{{{OURS}}}{attribute}")
        if value:
            catalog.metadata[header] = value
    for unit in store.units:
        if unit.isheader():
            continue
        catalog.append(
            polib.POEntry(
                msgid=str(unit.source or ""),
                msgctxt=unit.xmlelement.get("resname") or None,
                msgstr=str(unit.target or ""),
                flags=["fuzzy"] if needs_work(unit) else [],
            )
        )
    return catalog


def needs_work(unit):
    """Whether a CAT tool marked the unit's translation as not done: its target's state is "new" or
    "needs-..." (XLIFF 1.2's states). It becomes a fuzzy PO entry, which the import leaves out.
    The "approved" attribute is not read: many tools never set it."""
    for child in unit.xmlelement.iterchildren():
        if isinstance(child.tag, str) and etree.QName(child).localname == "target":
            state = (child.get("state") or "").strip().lower()
            return state == "new" or state.startswith("needs-")
    return False
