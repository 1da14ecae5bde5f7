"""The kinds of file a statute's text is read from, named once.

The reader reads them (drafter.reader.files); the commands that take a statute
name them in their help and in their errors, and decide by them whether an
argument is a statute file or a jurisdiction's name. This module imports
nothing, so a command's help does not load the reader to say what it reads.
"""

from __future__ import annotations

#: Web pages: read as the text a browser shows (drafter.reader.htmltext).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Every ending read as a statute's text (a Word file, a web page, or plain text).
STATUTE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", *HTML_SUFFIXES)
#: The main endings, named in help texts and errors.
_MAIN = (".txt", ".md", ".docx", ".html")
#: As a help text lists them (".txt .md .docx .html").
STATUTE_ENDINGS = " ".join(_MAIN)
#: As a sentence lists them (".txt, .md, .docx or .html").
STATUTE_ENDINGS_PROSE = ", ".join(_MAIN[:-1]) + " or " + _MAIN[-1]
