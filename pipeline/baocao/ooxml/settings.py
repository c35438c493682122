"""The document's settings part (w:settings): the Word version whose layout rules apply, and the
language of the theme's fonts."""

from __future__ import annotations

from lxml.etree import _Element

from baocao.ooxml.elements import ordered_child
from baocao.ooxml.namespaces import qn
from baocao.ooxml.schema import SETTINGS_ORDER

WORD_2013 = "15"  # the compatibility mode of a document made for Word 2013 and later


def set_compatibility_mode(settings: _Element, mode: str = WORD_2013) -> None:
    """Declare the Word version whose layout rules apply (w:compat/w:compatSetting): without it,
    Word opens the file in compatibility mode and lays out tables by Word 2007's rules."""
    compat = ordered_child(settings, "w:compat", SETTINGS_ORDER)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            compat.remove(setting)
    setting = compat.makeelement(qn("w:compatSetting"))
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), mode)
    compat.append(setting)


def set_theme_language(settings: _Element, language: str) -> None:
    """The language of the theme's fonts (w:themeFontLang), as the text's: "vi-VN"."""
    ordered_child(settings, "w:themeFontLang", SETTINGS_ORDER).set(qn("w:val"), language)
