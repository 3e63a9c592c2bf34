"""The privacy threshold (k-anonymity of a group): a group's numbers are shown only when at least
`minimum` people answered; below that, one person's answers could be recognised. Each questionnaire
names its own k (the FitnessScan's organisation profile 5, the collaboration scan a setting)."""


def is_visible(respondents: int, *, minimum: int) -> bool:
    return respondents >= minimum


def hidden_reason_count(respondents: int, *, minimum: int) -> int:
    """How many more people must answer before the group shows (0 when it shows)."""
    return max(minimum - respondents, 0)
