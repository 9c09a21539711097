"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class ClaimError(Exception):
    """A problem the user can fix: the message says what happened and what to do."""

    exit_code = 2
