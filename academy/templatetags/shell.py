"""Template side of page shells (academy/shell.py)."""

from django import template
from django.template.defaultfilters import urlencode

from academy.shell import SHELL, visitor_parts
from academy.shell import marker as make_marker

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context, template_name):
    """An include whose content differs per visitor: a marker in a shell, filled in per request."""
    if context.get(SHELL):
        return make_marker("include", template_name)
    included = context.template.engine.get_template(template_name)
    with context.push():
        return included.render(context)


@register.simple_tag(takes_context=True)
def visitor(context, part):
    """A part about the visitor that every page shows the same way (name, unread count, messages): a
    marker in a shell, computed from the request per request (academy/visitor.py)."""
    if context.get(SHELL):
        return make_marker("visitor", part)
    request = context.get("request")
    return visitor_parts[part](request, context.flatten()) if request else ""


@register.simple_tag
def marker(name, argument=None):
    """A marker for a personal value that the page's view fills in per request (see academy/shell.py)."""
    return make_marker(name, argument)


@register.simple_tag(takes_context=True)
def current_path(context):
    """The requested path with its query string, e.g. to come back to after a form (a marker in a shell)."""
    if context.get(SHELL):
        return make_marker("current-path")
    request = context.get("request")
    return request.get_full_path() if request else ""


@register.simple_tag(takes_context=True)
def current_path_urlencoded(context):
    """The requested path with its query, URL-encoded for a `?next=` parameter (a marker in a shell)."""
    if context.get(SHELL):
        return make_marker("current-path-encoded")
    request = context.get("request")
    return urlencode(request.get_full_path()) if request else ""
