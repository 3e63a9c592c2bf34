"""Small lookups for the results templates (scores by factor and world)."""

from django import template

register = template.Library()


@register.simple_tag
def score(scores, factor_id, world=None):
    """A group's score for a factor (and world): `{% score partner.scores row.factor.pk "blauw" %}`."""
    if scores is None:
        return None
    return scores.factor(factor_id) if world is None else scores.get(factor_id, world)


@register.simple_tag
def change(scores, previous, factor_id):
    if scores is None or previous is None:
        return None
    current, before = scores.factor(factor_id), previous.factor(factor_id)
    return None if current is None or before is None else current - before
