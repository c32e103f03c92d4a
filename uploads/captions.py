"""WebVTT captions: a file that browsers cannot read is refused, saying what is wrong and on which line.

webvtt-py decides what is valid (it parses WebVTT as the specification says, in its strict mode).
This module adds what it does not check (the exact header, a caption ending after it starts, a file
with no captions at all) and finds the line an editor has to fix.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

EXAMPLE_TIMING = "00:01:02.500 --> 00:01:05.000"
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The first line is "WEBVTT", alone or followed by a space or tab and a title.
HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
SRT_TIMING = re.compile(r"\d+:\d+:\d+,\d+\s*-->")


def _quote(line):
    line = line.strip()
    return line if len(line) <= 60 else line[:57] + "…"


def decode_captions(data):
    """The text of a captions file, which WebVTT requires to be UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ValidationError(
            _(
                "This captions file is not saved as UTF-8 text (the first problem is on line %(line)s). "
                "Open it in a text editor, save it with the encoding “UTF-8” and upload it again."
            )
            % {"line": line},
            code="captions_not_utf8",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ValidationError(
            _("This is not a text file (line %(line)s holds characters that text never has). Upload a WebVTT file saved as text.")
            % {"line": line},
            code="captions_not_text",
        )
    return text


def _check_header(lines):
    first = lines[0] if lines else ""
    if HEADER.fullmatch(first):
        return
    if any(SRT_TIMING.match(line) for line in lines[:5]):
        raise ValidationError(
            _(
                "This is an SRT subtitles file, not WebVTT. Convert it to WebVTT (a free subtitle editor can do this), "
                "check that the first line says WEBVTT, and upload it again."
            ),
            code="captions_srt",
        )
    raise ValidationError(
        _(
            "The first line of a captions file must be the word WEBVTT, but line 1 is “%(text)s”. Add WEBVTT as the first line and upload it again."
        )
        % {"text": _quote(first)},
        code="captions_header",
    )


def _check_timing_line(number, line):
    """One line with "-->" must be a valid cue timing, with the end after the start."""
    if SRT_TIMING.match(line.strip()):
        raise ValidationError(
            _(
                "Line %(line)s uses a comma before the milliseconds (“%(text)s”). WebVTT needs a full stop, "
                "for example %(example)s. This may be an SRT subtitles file: convert it to WebVTT and upload it again."
            )
            % {"line": number, "text": _quote(line), "example": EXAMPLE_TIMING},
            code="captions_timing",
        )
    try:
        cues = webvtt.from_string(f"WEBVTT\n\n{line}\nx\n", strict=True).captions
    except (MalformedCaptionError, MalformedFileError, ValueError):
        cues = []
    if len(cues) != 1:
        raise ValidationError(
            _(
                "Line %(line)s is not a valid caption timing: “%(text)s”. Write the start and end time like this: "
                "%(example)s (hours:minutes:seconds.milliseconds)."
            )
            % {"line": number, "text": _quote(line), "example": EXAMPLE_TIMING},
            code="captions_timing",
        )
    cue = cues[0]
    if cue.end_time.in_milliseconds() <= cue.start_time.in_milliseconds():
        raise ValidationError(
            _("On line %(line)s the caption ends before it starts (“%(text)s”). The second time must be later than the first.")
            % {"line": number, "text": _quote(line)},
            code="captions_timing",
        )


def _line_missing_a_gap(lines):
    """The number of the first timing line with no empty line before its caption, or None.

    A caption is an optional name, then the timing, then its text, with an empty line between captions;
    webvtt-py refuses a file that runs two captions together.
    """
    block = []
    for number, line in enumerate(lines, start=1):
        if not line:
            block = []
            continue
        if "-->" in line and number > 1 and (len(block) > 1 or (block and "-->" in block[0])):
            return number
        block.append(line)
    return None


def validate_captions(data):
    """Refuse bytes that are not a WebVTT captions file a browser can show."""
    text = decode_captions(data)
    lines = LINE_BREAK.split(text)
    _check_header(lines)
    for number, line in enumerate(lines[1:], start=2):
        if "-->" in line:
            _check_timing_line(number, line)
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except (MalformedCaptionError, MalformedFileError, ValueError):
        number = _line_missing_a_gap(lines)
        if number is None:
            raise ValidationError(
                _("This captions file is not valid WebVTT. Open it in a subtitle editor, fix it, save it as WebVTT and upload it again."),
                code="captions_invalid",
            ) from None
        raise ValidationError(
            _("Leave an empty line before line %(line)s: each caption must be separated from the one before by an empty line.")
            % {"line": number},
            code="captions_gap",
        ) from None
    if not captions:
        raise ValidationError(
            _(
                "This captions file has no captions in it. Each caption needs a timing line such as %(example)s, "
                "its text below it, and an empty line after it."
            )
            % {"example": EXAMPLE_TIMING},
            code="captions_empty",
        )
