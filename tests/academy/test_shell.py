"""Page shells (academy/shell.py): markers that only our templates can write, filled in per request."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from academy.shell import SHELL, ShellUser, fill, marker


def test_a_marker_takes_only_safe_names_and_arguments():
    assert marker("status", 12) == "<!--personal:status:12-->"
    assert marker("include", "includes/user_nav.html") == "<!--personal:include:includes/user_nav.html-->"
    for name, argument in (
        ("Status", None),
        ("status", "a b"),
        ("status", "<x>"),
        ("status", '"'),
        ("x--", "-->"),
    ):
        with pytest.raises(ValueError):
            marker(name, argument)


def test_fill_puts_in_values_and_leaves_nothing_of_unknown_markers(rf: RequestFactory):
    request = rf.get("/les/?a=1&b=<x>")
    html = f"<p>{marker('status', 3)}|{marker('unknown')}|{marker('current-path')}|{marker('percent')}</p>"
    assert fill(html, request=request, context={}, values={"status:3": "done", "percent": "40"}) == (
        "<p>done||/les/?a=1&amp;b=%3Cx%3E|40</p>"
    )


def test_fill_uses_one_csrf_token_for_the_whole_page(rf: RequestFactory):
    html = f"{marker('csrf-token')} {marker('csrf-token')}"
    first, second = fill(html, request=rf.get("/"), context={}, values={}).split()
    assert first == second and len(first) == 64


def test_outside_a_shell_the_tags_are_an_include_and_the_path(rf: RequestFactory, db):
    request = rf.get("/pad/?q=1")
    request.user = ShellUser()
    request.session = {}
    template = Template('{% load shell %}{% current_path %}|{% personal "includes/messages.html" %}')
    assert template.render(Context({"request": request, "messages": []})).strip() == "/pad/?q=1|"


def test_the_shell_user_has_nothing_personal():
    user = ShellUser()
    assert user.is_authenticated and not user.is_anonymous
    assert user.display_name == "" and user.email == "" and str(user) == ""


def test_the_visitor_parts_are_markers_in_a_shell_and_the_visitors_own_when_filled(rf: RequestFactory):
    from types import SimpleNamespace

    template = Template(
        '{% load shell %}{% visitor "user-name" %}|{% visitor "unread-notifications" %}|{% visitor "cms-link" %}'
    )
    request = rf.get("/")
    shell = template.render(Context({"request": request, SHELL: True}))
    assert shell == (
        "<!--personal:visitor:user-name-->|<!--personal:visitor:unread-notifications-->"
        "|<!--personal:visitor:cms-link-->"
    )

    request.user = SimpleNamespace(
        is_authenticated=True, display_name="Anouk <de Vries>", unread_notifications=3
    )
    request.session = {"can_use_cms": True}
    name, unread, cms = fill(shell, request=request, context={}, values={}).split("|")
    assert name == "Anouk &lt;de Vries&gt;"
    assert unread.startswith(' <span class="badge">3<')
    assert cms.startswith('<a href="/admin/"')

    request.user = SimpleNamespace(is_authenticated=True, display_name="Bram", unread_notifications=0)
    request.session = {}
    assert fill(shell, request=request, context={}, values={}) == "Bram||"
