"""argparse in Danish: the command's help, usage and error messages, like everything else a
contributor reads.

argparse's own words ("usage:", "options", "show this help message and exit", its error
messages) are English and come from gettext with no Danish catalogue, so this parser
supplies them: headings and the help option when it is made, the usage prefix in its
formatter, and each error message translated before it is printed.
"""

from __future__ import annotations

import argparse
import re
import sys

USAGE_PREFIX = "Brug: "
HELP_TEXT = "vis denne hjælp og afslut"
POSITIONALS_TITLE = "argumenter"
OPTIONALS_TITLE = "tilvalg"

# argparse's error messages (Python 3.11 to 3.13) and their Danish wording, first match wins.
_ERRORS = [
    (r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
     "argumentet {arg}: {value} er ikke et af valgene ({choices})"),
    (r"the following arguments are required: (?P<args>.+)", "du mangler at angive: {args}"),
    (r"unrecognized arguments: (?P<args>.+)", "ukendte argumenter: {args}"),
    (r"argument (?P<arg>\S+): expected one argument", "argumentet {arg} skal have en værdi"),
    (r"argument (?P<arg>\S+): expected at least one argument", "argumentet {arg} skal have mindst én værdi"),
    (r"argument (?P<arg>\S+): invalid (?P<type>\w+) value: (?P<value>.+)", "argumentet {arg}: {value} er ikke gyldig"),
    (r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)",
     "argumentet {arg} kan ikke bruges sammen med {other}"),
    (r"argument (?P<arg>\S+): ignored explicit argument (?P<value>.+)", "argumentet {arg} tager ingen værdi ({value})"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "{option} kan betyde flere tilvalg: {matches}"),
    (r"one of the arguments (?P<args>.+) is required", "et af disse argumenter skal bruges: {args}"),
    (r"argument (?P<arg>\S+): (?P<message>.+)", "argumentet {arg}: {message}"),  # our own Danish messages
]


def danish_error(message: str) -> str:
    """An argparse error message in Danish (a message we wrote ourselves keeps its words)."""
    for pattern, danish in _ERRORS:
        if match := re.fullmatch(pattern, message, re.S):
            return danish.format(**match.groupdict())
    return message


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Danish; its subcommands' parsers are too."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS_TITLE
        self._optionals.title = OPTIONALS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {danish_error(message)}\n")
